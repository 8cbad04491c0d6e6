package dev.waymark.bench;

import dev.waymark.local.LocalApi;
import dev.waymark.local.LocalRuntime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * DynamoDB round trips of the journey-start and send path ({@code ./waymark bench send-path}): for
 * each of {@link #PEOPLE} known, consenting people, one at a time, (1) a {@code Viewed} track that
 * enters no journey, then (2) a {@code Test Drive Attended} that enters the car-loan journey, whose
 * first step sends an email, then (3) the same again, which the journey's 30-day lock refuses.
 * Counted by operation in the local runtime's DynamoDB HTTP client ({@code
 * FaultyDynamoHttp.calls()}) and by the thread that made the call: the process function's workers
 * and the stream poller's batch reads ("processing"), and the executor's threads that run the send
 * task ("task-send:<state>"). The entry's own cost is processing (2) minus processing (1), the
 * refusal's (3) minus (1): the profile transaction, segments and waits are the same for both
 * events. Counts do not depend on the machine's load.
 */
final class SendPathBench {
  static final int PEOPLE = 20;
  static final int WARM_UP = 3;

  private SendPathBench() {}

  static void run() throws Exception {
    try (LocalRuntime runtime =
        LocalRuntime.start(
            LocalRuntime.Options.defaults()
                .withPort(0)
                .startingAt(Instant.parse("2026-11-23T08:00:00Z")))) {
      LocalApi api = new LocalApi(runtime);
      Map<String, Long> plain = new TreeMap<>();
      Map<String, Long> entering = new TreeMap<>();
      Map<String, Long> sendTask = new TreeMap<>();
      Map<String, Long> locked = new TreeMap<>();
      for (int i = 0; i < WARM_UP + PEOPLE; i++) {
        String user = "send-path-" + i;
        JourneyBench.person(api, runtime, user);
        runtime.awaitProcessed();
        Map<String, Long> before = runtime.dynamoCalls();
        track(api, runtime, user, "Viewed", "viewed-" + i);
        Map<String, Long> afterPlain = runtime.dynamoCalls();
        int messages = runtime.outbox().size();
        track(api, runtime, user, "Test Drive Attended", "attended-" + i);
        if (!runtime.outbox().awaitMoreThan(messages, Duration.ofSeconds(30))) {
          throw new IllegalStateException("no message within 30 s for " + user);
        }
        runtime.awaitProcessed();
        Map<String, Long> afterEntry = runtime.dynamoCalls();
        track(api, runtime, user, "Test Drive Attended", "attended-again-" + i);
        Map<String, Long> afterRefusal = runtime.dynamoCalls();
        if (i >= WARM_UP) {
          add(plain, before, afterPlain, "process ", "stream-poller ");
          add(entering, afterPlain, afterEntry, "process ", "stream-poller ");
          add(sendTask, afterPlain, afterEntry, "task-send");
          add(locked, afterEntry, afterRefusal, "process ", "stream-poller ");
        }
      }
      System.out.println("| per event | DynamoDB round trips | by operation |");
      System.out.println("|---|---:|---|");
      print("processing, known person, no journey entered (Viewed)", plain);
      print("processing, known person entering car-loan (Test Drive Attended)", entering);
      print("the entry itself (the difference)", minus(entering, plain));
      print("send task (car-loan's email)", sendTask);
      print("processing, the same again within the lock (refused: locked)", locked);
      print("the refusal itself (the difference)", minus(locked, plain));
      System.out.printf("load average: %s%n", ThroughputFigures.loadAverage());
    }
  }

  private static void track(
      LocalApi api, LocalRuntime runtime, String user, String event, String messageId) {
    api.sendEvents(
        "{\"batch\":[{\"type\":\"track\",\"messageId\":\""
            + messageId
            + "\",\"userId\":\""
            + user
            + "\",\"event\":\""
            + event
            + "\",\"timestamp\":\""
            + runtime.clock().instant()
            + "\"}]}");
    runtime.awaitProcessed();
  }

  private static Map<String, Long> minus(Map<String, Long> calls, Map<String, Long> baseline) {
    Map<String, Long> difference = new TreeMap<>(calls);
    baseline.forEach((op, n) -> difference.merge(op, -n, Long::sum));
    difference.values().removeIf(n -> n == 0);
    return difference;
  }

  /** Adds the calls made between two snapshots by threads whose kind starts with a prefix. */
  private static void add(
      Map<String, Long> into, Map<String, Long> from, Map<String, Long> to, String... prefixes) {
    to.forEach(
        (key, count) -> {
          long delta = count - from.getOrDefault(key, 0L);
          for (String prefix : prefixes) {
            if (key.startsWith(prefix) && delta > 0) {
              into.merge(key.substring(key.lastIndexOf(' ') + 1), delta, Long::sum);
            }
          }
        });
  }

  private static void print(String what, Map<String, Long> calls) {
    long total = calls.values().stream().mapToLong(Long::longValue).sum();
    StringBuilder byOperation = new StringBuilder();
    calls.forEach(
        (op, n) ->
            byOperation
                .append(byOperation.isEmpty() ? "" : ", ")
                .append(String.format("%s %.2f", op, n / (double) PEOPLE)));
    System.out.printf("| %s | %.2f | %s |%n", what, total / (double) PEOPLE, byOperation);
  }
}
