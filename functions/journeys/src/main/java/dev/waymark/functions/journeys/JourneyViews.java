package dev.waymark.functions.journeys;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.aws.journey.JourneyServices;
import dev.waymark.core.journey.JourneyExecutions;
import dev.waymark.core.journey.JourneyRun;
import dev.waymark.core.journey.JourneyStats;
import dev.waymark.core.json.Json;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.send.MessageHistory;

/** The JSON of the journeys API's stats and per-person views (see docs/api.md). */
record JourneyViews(JourneyServices journeys) {
  /**
   * Per version: the counters, waiting runs, conversion against the holdout, and the runs per split
   * variant and per branch way.
   */
  ObjectNode stats(String id) {
    journeys.publisher().get(id);
    ObjectNode body = Json.object().put("journeyId", id);
    ArrayNode versions = body.putArray("versions");
    for (JourneyStats.VersionStats stats : journeys.stats().of(id)) {
      ObjectNode v =
          versions
              .addObject()
              .put("version", stats.version())
              .put("entered", stats.entered())
              .put("heldOut", stats.heldOut())
              .put("goalReached", stats.goalReached())
              .put("exited", stats.exited())
              .put("stopped", stats.stopped())
              .put("waiting", stats.waiting());
      v.put("conversionRate", stats.conversionRate());
      v.put("holdoutConversionRate", stats.holdoutConversionRate());
      ObjectNode refused = v.putObject("refused");
      stats.refused().forEach(refused::put);
      ObjectNode steps = v.putObject("steps");
      stats.steps().forEach(steps::put);
      v.set("splits", Json.MAPPER.valueToTree(stats.splits()));
      v.set("branches", Json.MAPPER.valueToTree(stats.branches()));
    }
    body.set("codePools", CodePoolRoutes.list(journeys.codePools().pools(id)));
    return body;
  }

  ObjectNode profileJourneys(String profileId) {
    Profile profile = profile(profileId);
    ObjectNode body = Json.object().put("profileId", profile.id());
    ArrayNode runs = body.putArray("runs");
    for (JourneyRun run : journeys.store().runs(profile.id())) {
      ObjectNode view = Json.MAPPER.valueToTree(run);
      if (run.status() == JourneyRun.RunStatus.running && run.executionArn() != null) {
        view.put("status", statusOf(run.executionArn()));
      }
      runs.add(view);
    }
    body.set("trace", Json.MAPPER.valueToTree(journeys.store().traces(profile.id())));
    return body;
  }

  /** {@code GET /v1/profiles/{id}/messages}: the person's newest 50 send decisions and feedback. */
  ObjectNode profileMessages(String profileId) {
    Profile profile = profile(profileId);
    ObjectNode body = Json.object().put("profileId", profile.id());
    ArrayNode messages = body.putArray("messages");
    journeys.core().messageHistory().person(profile.id(), MESSAGES).stream()
        .map(MessageHistory.Entry::view)
        .forEach(messages::add);
    return body;
  }

  private static final int MESSAGES = 50;

  /** The live profile an id names (a merged id: the survivor); 404 if none. */
  private Profile profile(String profileId) {
    return journeys
        .core()
        .profiles()
        .resolve(profileId)
        .orElseThrow(() -> ProblemException.notFound("no profile " + profileId));
  }

  /**
   * A run the router started is running until Step Functions says how its execution ended; {@code
   * ended} once Step Functions has forgotten the execution (90 days after it closed).
   */
  private String statusOf(String executionArn) {
    return switch (journeys.executions().status(executionArn)) {
      case "SUCCEEDED" -> JourneyRun.RunStatus.completed.name();
      case "FAILED", "ABORTED" -> JourneyRun.RunStatus.failed.name();
      case "TIMED_OUT" -> JourneyRun.RunStatus.timed_out.name();
      case JourneyExecutions.FORGOTTEN -> JourneyRun.RunStatus.ended.name();
      default -> JourneyRun.RunStatus.running.name();
    };
  }
}
