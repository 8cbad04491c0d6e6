package dev.waymark.aws.journey;

import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.core.journey.JourneyRun;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps journey runs to their items ({@code P#<profileId>}/{@code R#<runId>}, and while running
 * {@code JD#<journeyId>}/{@code RUN#<runId>}) and back.
 */
final class JourneyItems {
  private JourneyItems() {}

  static Map<String, AttributeValue> run(JourneyRun run) {
    Map<String, AttributeValue> item =
        new HashMap<>(Attr.key(Keys.profile(run.profileId()), Keys.run(run.runId())));
    item.put("runId", Attr.s(run.runId()));
    item.put("journeyId", Attr.s(run.journeyId()));
    item.put("version", Attr.s(run.version()));
    item.put("startedAt", Attr.s(run.startedAt().toString()));
    item.put("status", Attr.s(run.status().name()));
    item.put("entryKey", Attr.s(run.entryKey()));
    if (run.executionArn() != null) {
      item.put("executionArn", Attr.s(run.executionArn()));
    }
    if (run.goalReachedAt() != null) {
      item.put("goalReachedAt", Attr.s(run.goalReachedAt().toString()));
    }
    return item;
  }

  static JourneyRun run(Map<String, AttributeValue> item) {
    return run(item, Keys.profileIdOf(Attr.string(item, Keys.PK)));
  }

  /**
   * A running run listed under its journey, {@code JD#<journeyId>}/{@code RUN#<runId>}: a copy of
   * the run item made when its execution started (with the profile id it had then).
   */
  static Map<String, AttributeValue> runningRun(JourneyRun run) {
    Map<String, AttributeValue> item = run(run);
    item.putAll(Attr.key(Keys.journey(run.journeyId()), Keys.runningRun(run.runId())));
    item.put("profileId", Attr.s(run.profileId()));
    return item;
  }

  static JourneyRun runningRun(Map<String, AttributeValue> item) {
    return run(item, Attr.string(item, "profileId"));
  }

  private static JourneyRun run(Map<String, AttributeValue> item, String profileId) {
    String goal = Attr.string(item, "goalReachedAt");
    return new JourneyRun(
        Attr.string(item, "runId"),
        Attr.string(item, "journeyId"),
        Attr.string(item, "version"),
        profileId,
        Attr.string(item, "executionArn"),
        Instant.parse(Attr.string(item, "startedAt")),
        JourneyRun.RunStatus.valueOf(Attr.string(item, "status")),
        Attr.string(item, "entryKey"),
        goal == null ? null : Instant.parse(goal));
  }
}
