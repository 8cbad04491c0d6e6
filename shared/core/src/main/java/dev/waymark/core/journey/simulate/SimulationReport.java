package dev.waymark.core.journey.simulate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.journey.JourneyRun;
import dev.waymark.core.journey.JourneyStats;
import dev.waymark.core.journey.TraceEntry;
import dev.waymark.core.json.Json;
import dev.waymark.core.send.SendOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The answer of a simulation: the sample, the journey's figures as its stats would show them
 * (entered, refused by reason, per-step outcomes, waits, split variants), where the runs ended, the
 * messages each person would have received (when, step, channel, template), and one person's
 * decision trace.
 */
public final class SimulationReport {
  private SimulationReport() {}

  /** Who was replayed and over which stretch of time. */
  public record Sample(String source, int people, int events, Instant from, Instant until) {}

  /** How a run's execution stood at the end: its status (RUNNING, SUCCEEDED...) and any error. */
  public record RunEnd(String status, String error, String cause) {}

  /** The most failed runs listed with their error. */
  static final int MAX_FAILURES_LISTED = 20;

  /**
   * @param runEnd a run's execution at the end, on the executor
   */
  public static ObjectNode of(
      String journeyId,
      String version,
      Sample sample,
      ScratchJourneyStore store,
      ScratchSends sends,
      ScratchSteps steps,
      Function<JourneyRun, RunEnd> runEnd,
      Optional<String> person) {
    ObjectNode body = Json.object().put("journeyId", journeyId).put("version", version);
    ObjectNode s = body.putObject("sample").put("source", sample.source());
    s.put("people", sample.people()).put("events", sample.events());
    s.put("from", sample.from().toString()).put("until", sample.until().toString());
    JourneyStats.VersionStats stats =
        new JourneyStats(store)
            .of(journeyId).stream()
                .filter(v -> v.version().equals(version))
                .findFirst()
                .orElse(
                    new JourneyStats.VersionStats(
                        version, 0, 0, 0, 0, 0, 0, null, null, Map.of(), Map.of(), Map.of(),
                        Map.of()));
    body.set("stats", Json.MAPPER.valueToTree(stats));
    Map<String, Long> ends = new TreeMap<>();
    ArrayNode failures = Json.MAPPER.createArrayNode();
    List<JourneyRun> runs =
        store.allRuns().stream()
            .sorted(
                java.util.Comparator.comparing(JourneyRun::profileId)
                    .thenComparing(JourneyRun::startedAt))
            .toList();
    for (JourneyRun run : runs) {
      RunEnd end =
          run.executionArn() == null
              ? new RunEnd(run.status().name(), null, null)
              : runEnd.apply(run);
      ends.merge(end.status().toLowerCase(), 1L, Long::sum);
      if (end.error() != null && failures.size() < MAX_FAILURES_LISTED) {
        failures
            .addObject()
            .put("profileId", run.profileId())
            .put("error", end.error())
            .put("cause", end.cause());
      }
    }
    body.set("runs", Json.MAPPER.valueToTree(ends));
    body.set("failures", failures);
    body.set("branches", Json.MAPPER.valueToTree(branches(store.allTraces())));
    body.put("messagesWouldSend", sends.delivered());
    body.set("people", people(sends.log()));
    body.set("webhooksNotCalled", Json.MAPPER.valueToTree(steps.webhookCalls()));
    person.ifPresent(p -> body.set("trace", trace(p, store.traces(p), sends.log())));
    return body;
  }

  /**
   * Per branch step, the runs sent down each way ({@code next} step, or {@code end}), from the
   * branch decisions traced (key {@code <runId>#<stepId>[#<iteration>]#branch}).
   */
  private static Map<String, Map<String, Long>> branches(List<TraceEntry> traces) {
    Map<String, Map<String, Long>> branches = new TreeMap<>();
    for (TraceEntry t : traces) {
      if (t.kind().equals("branch") && t.runId() != null) {
        String step =
            t.key().substring(t.runId().length() + 1, t.key().length() - "#branch".length());
        int iteration = step.indexOf('#');
        branches
            .computeIfAbsent(
                iteration < 0 ? step : step.substring(0, iteration), k -> new TreeMap<>())
            .merge(t.decision(), 1L, Long::sum);
      }
    }
    return branches;
  }

  /** Per person who would have received something: each message, in the order sent. */
  private static ArrayNode people(List<ScratchSends.Logged> log) {
    Map<String, ArrayNode> byPerson = new TreeMap<>();
    for (ScratchSends.Logged sent : log) {
      if (sent.status() == SendOutcome.Status.sent) {
        message(
            byPerson.computeIfAbsent(sent.profileId(), p -> Json.MAPPER.createArrayNode()), sent);
      }
    }
    ArrayNode people = Json.MAPPER.createArrayNode();
    byPerson.forEach(
        (id, messages) -> people.addObject().put("profileId", id).set("messages", messages));
    return people;
  }

  private static void message(ArrayNode into, ScratchSends.Logged sent) {
    into.addObject()
        .put("at", sent.at().toString())
        .put("stepId", sent.stepId())
        .put("channel", sent.channel() == null ? null : sent.channel().name())
        .put("template", sent.template())
        .put("status", sent.status().name())
        .put("reason", sent.reason());
  }

  private static ObjectNode trace(
      String profileId, List<TraceEntry> entries, List<ScratchSends.Logged> log) {
    ObjectNode trace = Json.object().put("profileId", profileId);
    ArrayNode decisions = trace.putArray("decisions");
    entries.stream()
        .sorted(java.util.Comparator.comparing(TraceEntry::at))
        .forEach(
            e ->
                decisions
                    .addObject()
                    .put("at", e.at().toString())
                    .put("runId", e.runId())
                    .put("kind", e.kind())
                    .put("decision", e.decision())
                    .put("reason", e.reason()));
    ArrayNode sends = trace.putArray("sends");
    log.stream().filter(l -> l.profileId().equals(profileId)).forEach(l -> message(sends, l));
    return trace;
  }
}
