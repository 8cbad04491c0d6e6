package dev.waymark.functions.journeys;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.aws.journey.JourneyServices;
import dev.waymark.core.journey.ClasspathJourneys;
import dev.waymark.core.journey.JourneyDefinition;
import dev.waymark.core.journey.JourneyRun;
import dev.waymark.core.json.Json;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.profile.Profile;
import java.util.Map;
import java.util.TreeMap;

/** The JSON the journeys API answers with (see docs/api.md). */
final class JourneyViews {
  private final JourneyServices journeys;

  JourneyViews(JourneyServices journeys) {
    this.journeys = journeys;
  }

  ObjectNode list() {
    ObjectNode body = Json.object();
    ArrayNode list = body.putArray("journeys");
    journeys.catalog().journeys().forEach(j -> list.add(summary(j)));
    return body;
  }

  ObjectNode journey(String id) {
    JourneyDefinition journey = find(id);
    ObjectNode body = summary(journey);
    body.set("definition", Json.MAPPER.valueToTree(journey));
    String asl =
        ClasspathJourneys.readOptional(
            getClass().getClassLoader(),
            ClasspathJourneys.ROOT + "/" + id + "/definition.asl.json");
    body.set("stateMachine", asl == null ? null : Json.parse(asl));
    ArrayNode versions = body.putArray("versions");
    journeys.store().versions(id).forEach(versions::add);
    return body;
  }

  /** Per version: the counters, waiting runs, and conversion against the holdout. */
  ObjectNode stats(String id) {
    find(id);
    ObjectNode body = Json.object().put("journeyId", id);
    ArrayNode versions = body.putArray("versions");
    for (String version : journeys.store().versions(id)) {
      Map<String, Long> counters = new TreeMap<>(journeys.store().counters(id, version));
      long entered = counters.getOrDefault("entered", 0L);
      long heldOut = counters.getOrDefault("held_out", 0L);
      ObjectNode v =
          versions
              .addObject()
              .put("version", version)
              .put("entered", entered)
              .put("heldOut", heldOut)
              .put("goalReached", counters.getOrDefault("goal", 0L))
              .put("exited", counters.getOrDefault("exited", 0L))
              .put("waiting", waiting(counters));
      v.put("conversionRate", rate(counters.getOrDefault("goal", 0L), entered));
      v.put("holdoutConversionRate", rate(counters.getOrDefault("goal_held_out", 0L), heldOut));
      ObjectNode refused = v.putObject("refused");
      ObjectNode steps = v.putObject("steps");
      counters.forEach(
          (metric, value) -> {
            if (metric.startsWith("refused_")) {
              refused.put(metric.substring("refused_".length()), value);
            } else if (metric.startsWith("step:") || metric.startsWith("wait:")) {
              steps.put(metric, value);
            }
          });
    }
    return body;
  }

  private static long waiting(Map<String, Long> counters) {
    long registered = 0;
    long resolved = 0;
    for (Map.Entry<String, Long> c : counters.entrySet()) {
      if (c.getKey().startsWith("wait:") && c.getKey().endsWith(":registered")) {
        registered += c.getValue();
      } else if (c.getKey().startsWith("wait:")) {
        resolved += c.getValue();
      }
    }
    return Math.max(0, registered - resolved);
  }

  private static Double rate(long goals, long of) {
    return of == 0 ? null : (double) goals / of;
  }

  ObjectNode profileJourneys(String profileId) {
    Profile profile =
        journeys
            .core()
            .profiles()
            .resolve(profileId)
            .orElseThrow(() -> ProblemException.notFound("no profile " + profileId));
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

  /** A run the router started is running until Step Functions says how its execution ended. */
  private String statusOf(String executionArn) {
    return switch (journeys.executions().status(executionArn)) {
      case "SUCCEEDED" -> JourneyRun.RunStatus.completed.name();
      case "FAILED", "ABORTED" -> JourneyRun.RunStatus.failed.name();
      case "TIMED_OUT" -> JourneyRun.RunStatus.timed_out.name();
      default -> JourneyRun.RunStatus.running.name();
    };
  }

  private JourneyDefinition find(String id) {
    return journeys
        .catalog()
        .find(id)
        .orElseThrow(() -> ProblemException.notFound("no journey " + id));
  }

  private static ObjectNode summary(JourneyDefinition j) {
    return Json.object()
        .put("id", j.id())
        .put("name", j.name())
        .put("description", j.description())
        .put("priority", j.priority())
        .put("version", j.version())
        .put("entryEvent", j.entry().event());
  }
}
