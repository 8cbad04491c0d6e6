package dev.waymark.bench;

import dev.waymark.core.profile.PhaseTimes;
import dev.waymark.local.LocalApi;
import dev.waymark.local.LocalRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Where an event's processing goes, per kind of event (new person, known person, identify, a new
 * identity attached, a merge): the DynamoDB round trips the process function's workers make per
 * event, by operation, and the wall time per event of each phase (putting it on the profile, then
 * each listener). Events are sent in batches of {@link #BATCH} and counted once all are processed.
 */
final class ProcessingProfileBench {
  static final int EVENTS = 200;
  static final int BATCH = 25;

  private ProcessingProfileBench() {}

  /** One kind of event: its name, what to send first, and the measured event number {@code i}. */
  record Kind(String name, IntFunction<List<String>> setUp, IntFunction<String> event) {}

  static void run() throws Exception {
    try (LocalRuntime runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withPort(0))) {
      LocalApi api = new LocalApi(runtime);
      String now = runtime.clock().instant().toString();
      List<Kind> kinds =
          List.of(
              new Kind("warm-up", i -> List.of(), i -> track("user", "warm-" + i, now)),
              new Kind("new person (track)", i -> List.of(), i -> track("user", "new-" + i, now)),
              new Kind(
                  "known person (track)",
                  i -> List.of(track("user", "known-" + i, now)),
                  i -> track("user", "known-" + i, now)),
              new Kind(
                  "identify (traits)",
                  i -> List.of(track("user", "traits-" + i, now)),
                  i -> identify("traits-" + i, null, now)),
              new Kind(
                  "identify (new anonymousId attached)",
                  i -> List.of(track("user", "attach-" + i, now)),
                  i -> identify("attach-" + i, "attach-anon-" + i, now)),
              new Kind(
                  "identify (merge of two profiles)",
                  i ->
                      List.of(
                          track("user", "merge-" + i, now),
                          track("anonymous", "merge-anon-" + i, now)),
                  i -> identify("merge-" + i, "merge-anon-" + i, now)));
      System.out.println(
          "| event kind | DynamoDB round trips per event | by operation | ms per event by phase |");
      System.out.println("|---|---|---|---|");
      for (Kind kind : kinds) {
        List<String> setUp = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
          setUp.addAll(kind.setUp().apply(i));
        }
        send(api, setUp);
        runtime.awaitProcessed();
        Map<String, Long> callsBefore = runtime.dynamoCalls();
        Map<String, PhaseTimes.Total> timesBefore = runtime.processing().times().snapshot();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
          events.add(kind.event().apply(i));
        }
        send(api, events);
        runtime.awaitProcessed();
        if (!kind.name().equals("warm-up")) {
          print(kind.name(), callsBefore, runtime.dynamoCalls(), timesBefore, runtime);
        }
      }
      System.out.printf("load average: %s%n", ThroughputFigures.loadAverage());
    }
  }

  private static void print(
      String kind,
      Map<String, Long> before,
      Map<String, Long> after,
      Map<String, PhaseTimes.Total> timesBefore,
      LocalRuntime runtime) {
    Map<String, Long> calls = new TreeMap<>();
    after.forEach(
        (key, count) -> {
          long delta = count - before.getOrDefault(key, 0L);
          // the workers, and the poller's thread that reads a batch's identities up front
          for (String thread : List.of("process ", "stream-poller ")) {
            if (key.startsWith(thread) && delta > 0) {
              calls.merge(key.substring(thread.length()), delta, Long::sum);
            }
          }
        });
    long total = calls.values().stream().mapToLong(Long::longValue).sum();
    StringBuilder byOperation = new StringBuilder();
    calls.forEach(
        (op, count) ->
            byOperation
                .append(byOperation.isEmpty() ? "" : ", ")
                .append(String.format("%s %.2f", op, count / (double) EVENTS)));
    StringBuilder phases = new StringBuilder();
    runtime
        .processing()
        .times()
        .snapshot()
        .forEach(
            (phase, t) -> {
              PhaseTimes.Total was = timesBefore.getOrDefault(phase, new PhaseTimes.Total(0, 0));
              double ms = (t.nanos() - was.nanos()) / 1e6 / EVENTS;
              phases
                  .append(phases.isEmpty() ? "" : ", ")
                  .append(String.format("%s %.2f", phase, ms));
            });
    System.out.printf(
        "| %s | %.2f | %s | %s |%n", kind, total / (double) EVENTS, byOperation, phases);
  }

  private static void send(LocalApi api, List<String> events) {
    for (int from = 0; from < events.size(); from += BATCH) {
      String body =
          "{\"batch\":["
              + String.join(",", events.subList(from, Math.min(events.size(), from + BATCH)))
              + "]}";
      LocalApi.Answer answer = api.sendEvents(body);
      if (answer.status() != 202) {
        throw new IllegalStateException("ingest refused a benchmark batch: " + answer.body());
      }
    }
  }

  private static int messages;

  private static String track(String namespace, String id, String now) {
    return "{\"type\":\"track\",\"event\":\"Viewed\",\"messageId\":\"profile-"
        + ++messages
        + "\",\""
        + namespace
        + "Id\":\""
        + id
        + "\",\"timestamp\":\""
        + now
        + "\",\"properties\":{\"model\":\"E-V\",\"price\":41990}}";
  }

  private static String identify(String userId, String anonymousId, String now) {
    return "{\"type\":\"identify\",\"messageId\":\"profile-"
        + ++messages
        + "\",\"userId\":\""
        + userId
        + (anonymousId == null ? "" : "\",\"anonymousId\":\"" + anonymousId)
        + "\",\"timestamp\":\""
        + now
        + "\",\"traits\":{\"firstName\":\"Sam\",\"plan\":\"lease\",\"leaseEnd\":\"2027-03-01\"}}";
  }
}
