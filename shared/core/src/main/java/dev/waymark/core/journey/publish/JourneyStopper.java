package dev.waymark.core.journey.publish;

import dev.waymark.core.journey.JourneyCounter;
import dev.waymark.core.journey.JourneyExecutions;
import dev.waymark.core.journey.JourneyRun;
import dev.waymark.core.journey.JourneyStore;
import dev.waymark.core.journey.TraceEntry;
import dev.waymark.core.journey.WaitRegistration;
import java.time.Clock;

/**
 * Ends the runs of a stopped journey: each run listed as running whose execution still runs is
 * stopped (StopExecution), its waits are claimed (so no event resumes it), it is recorded as {@code
 * stopped}, counted and traced. A listed run whose execution already ended by itself is recorded
 * with how it ended ({@code ended} when the engine has forgotten the execution). Safe to repeat: a
 * run is only listed until its end is recorded.
 */
public record JourneyStopper(JourneyStore store, JourneyExecutions executions, Clock clock) {
  static final String ERROR = "Waymark.JourneyStopped";

  /** Ends every running run of the journey; returns how many were stopped. */
  public int stopRuns(String journeyId) {
    int stopped = 0;
    for (JourneyRun listed : store.runningRuns(journeyId)) {
      JourneyRun run = current(listed);
      String status = executions.status(run.executionArn());
      if (!"RUNNING".equals(status)) {
        store.updateRun(run.withStatus(ended(status)));
        continue;
      }
      executions.stop(run.executionArn(), ERROR, "journey " + journeyId + " stopped");
      for (WaitRegistration wait : store.waitsOfRun(run.profileId(), run.runId())) {
        if (store.claimWait(wait)) {
          store.count(
              journeyId,
              wait.version(),
              JourneyCounter.wait(wait.stepId(), JourneyCounter.WaitOutcome.stopped),
              1);
        }
      }
      store.updateRun(run.withStatus(JourneyRun.RunStatus.stopped));
      store.count(journeyId, run.version(), JourneyCounter.STOPPED, 1);
      store.trace(
          new TraceEntry(
              clock.instant(),
              run.profileId(),
              journeyId,
              run.runId(),
              "run",
              "stopped",
              "journey " + journeyId + " stopped",
              run.runId() + "#stopped"));
      stopped++;
    }
    return stopped;
  }

  /** The run as stored on its profile (the list holds a copy made when it started). */
  private JourneyRun current(JourneyRun listed) {
    return store.runs(listed.profileId()).stream()
        .filter(r -> r.runId().equals(listed.runId()))
        .findFirst()
        .orElse(listed);
  }

  private static JourneyRun.RunStatus ended(String executionStatus) {
    return switch (executionStatus) {
      case "SUCCEEDED" -> JourneyRun.RunStatus.completed;
      case "TIMED_OUT" -> JourneyRun.RunStatus.timed_out;
      case JourneyExecutions.FORGOTTEN -> JourneyRun.RunStatus.ended;
      default -> JourneyRun.RunStatus.failed;
    };
  }
}
