package dev.waymark.local.journeys;

import dev.waymark.core.journey.publish.JourneyPublisher;
import dev.waymark.core.journey.publish.JourneyRecord;
import dev.waymark.core.journey.publish.JourneyVersion;
import dev.waymark.core.journey.publish.StateMachineRegistry;
import java.util.Comparator;
import java.util.List;

/**
 * The States Language executor keeps its state machines in memory, while a runtime on a data folder
 * finds every published journey version in the table (its ASL and the state machine version ARN it
 * was published as). At start, before anything is published, each journey's versions are created
 * again in order on the executor — the same definitions, so the same version numbers and ARNs — and
 * the alias {@code live} is pointed at the live one, so the router's recorded ARNs run again.
 * Executions in flight are not restored (see docs/local-runtime.md, the data folder).
 */
final class StateMachineRestore {
  private StateMachineRestore() {}

  /** Returns how many journey versions were created again. */
  static int restore(JourneyPublisher publisher, StateMachineRegistry machines, String roleArn) {
    int restored = 0;
    for (JourneyRecord journey : publisher.list(true)) {
      List<JourneyVersion> versions =
          publisher.versions(journey.id()).stream()
              .sorted(Comparator.comparingInt(JourneyVersion::version))
              .toList();
      String machine = null;
      for (JourneyVersion version : versions) {
        machine =
            machines.createOrUpdate(
                JourneyPublisher.stateMachineName(journey.id()), machine, version.asl(), roleArn);
        String arn =
            machines.publishVersion(
                machine, "journey " + journey.id() + " version " + version.version());
        if (!arn.equals(version.stateMachineVersionArn())) {
          throw new IllegalStateException(
              "journey "
                  + journey.id()
                  + " version "
                  + version.version()
                  + " was published as "
                  + version.stateMachineVersionArn()
                  + " and is restored as "
                  + arn
                  + "; start with --fresh");
        }
        if (version.version() == journey.liveVersion()) {
          machines.pointAlias(machine, JourneyPublisher.ALIAS, arn);
        }
        restored++;
      }
    }
    return restored;
  }
}
