package dev.waymark.local.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.local.LocalApi;
import dev.waymark.local.LocalRuntime;
import dev.waymark.local.chaos.ChaosWorkload.Event;
import dev.waymark.local.chaos.ChaosWorkload.Person;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The chaos run: a workload of events ({@link ChaosWorkload}) sent over the local runtime's HTTP
 * API while faults are injected at {@code faultRate} (split evenly between the two kinds of each
 * target: DynamoDB throttling and errors, task failures and time-outs, SES and SNS throttling and
 * errors), with a share of the events sent twice and the rest shuffled. The client retries a batch
 * that got a 5xx, as the SDKs do. Then the faults stop, the dead letters are replayed, and {@link
 * ChaosCheck} looks at what came of it.
 */
public final class Chaos {
  /** The run's size and its seed. */
  public record Settings(
      int people, double faultRate, double duplicateRate, int batchSize, long seed) {
    public static Settings full() {
      return new Settings(1000, 0.10, 0.05, 25, 42);
    }

    public int events() {
      return people * 10;
    }
  }

  private final LocalRuntime runtime;
  private final LocalApi api;
  private final Settings settings;
  private final Random random;
  private final ChaosFigures figures = new ChaosFigures();

  public Chaos(LocalRuntime runtime, Settings settings) {
    this.runtime = runtime;
    this.api = new LocalApi(runtime);
    this.settings = settings;
    this.random = new Random(settings.seed());
  }

  /** A fresh local runtime for a chaos run: any free port, the clock at 10:00 UTC on a Tuesday. */
  public static LocalRuntime freshRuntime() throws java.io.IOException {
    return LocalRuntime.start(
        LocalRuntime.Options.defaults()
            .withPort(0)
            .startingAt(java.time.Instant.parse("2026-11-24T10:00:00Z")));
  }

  public ChaosFigures run() {
    long began = System.nanoTime();
    runtime.freezeClock();
    ChaosWorkload workload =
        ChaosWorkload.generate(settings.people(), runtime.clock().instant(), random);
    api.put("/_local/faults", plan());
    send(workload.first());
    runtime.awaitProcessed();
    for (Person person : workload.people()) {
      if (person.consents()) {
        grantEmail(person);
      }
    }
    send(withDuplicates(workload.rest()));
    runtime.awaitProcessed();
    for (int i = 0; i < 3; i++) {
      runtime.advance(Duration.ofMinutes(1)); // the task retries' back-off runs on the clock
    }
    JsonNode faults = api.get("/_local/faults").body();
    api.delete("/_local/faults");
    figures.faults(faults, runtime.deadLetterCount());
    replayDeadLetters();
    runtime.awaitProcessed();
    runtime.advance(Duration.ofMinutes(1));
    new ChaosCheck(api, runtime.outbox(), figures).check(workload);
    figures.seconds((System.nanoTime() - began) / 1e9);
    return figures;
  }

  private String plan() {
    double half = settings.faultRate() / 2;
    String pair = "{\"throttleRate\":" + half + ",\"errorRate\":" + half + "}";
    return "{\"seed\":"
        + settings.seed()
        + ",\"dynamodb\":"
        + pair
        + ",\"ses\":"
        + pair
        + ",\"sns\":"
        + pair
        + ",\"tasks\":{\"failureRate\":"
        + half
        + ",\"timeoutRate\":"
        + half
        + "}}";
  }

  private List<Event> withDuplicates(List<Event> events) {
    List<Event> out = new ArrayList<>(events);
    for (Event event : events) {
      if (random.nextDouble() < settings.duplicateRate()) {
        out.add(random.nextInt(out.size() + 1), event);
      }
    }
    return out;
  }

  private void send(List<Event> events) {
    for (int from = 0; from < events.size(); from += settings.batchSize()) {
      List<Event> batch =
          events.subList(from, Math.min(events.size(), from + settings.batchSize()));
      String body =
          "{\"batch\":[" + String.join(",", batch.stream().map(Event::json).toList()) + "]}";
      JsonNode answer = untilAnswered(() -> api.sendEvents(body), 202);
      figures.batchSent(batch.size());
      for (JsonNode result : answer.path("results")) {
        figures.answered(result.path("messageId").asText(), result.path("status").asText());
      }
    }
  }

  private void grantEmail(Person person) {
    String id =
        untilAnswered(() -> api.get("/v1/profiles?userId=" + person.userId()), 200)
            .path("profileId")
            .asText();
    untilAnswered(
        () ->
            api.put(
                "/v1/profiles/" + id + "/consents",
                "{\"consents\":[{\"channel\":\"email\",\"status\":\"granted\",\"source\":\"chaos\"}]}"),
        200);
  }

  private void replayDeadLetters() {
    Set<String> failed = new HashSet<>();
    String cursor = null;
    do {
      JsonNode page =
          api.get("/v1/admin/dead-letters?limit=100" + (cursor == null ? "" : "&cursor=" + cursor))
              .body();
      for (JsonNode letter : page.path("deadLetters")) {
        if (letter.path("status").asText().equals("failed")) {
          failed.add(letter.path("messageId").asText());
        }
      }
      cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
    } while (cursor != null);
    for (String messageId : failed) {
      untilAnswered(() -> api.post("/v1/admin/dead-letters/" + messageId + "/replay", ""), 202);
      figures.replayed();
    }
  }

  /** Calls until the expected status, retrying 5xx answers and I/O failures as SDKs do. */
  private JsonNode untilAnswered(java.util.function.Supplier<LocalApi.Answer> call, int expected) {
    for (int attempt = 1; ; attempt++) {
      try {
        LocalApi.Answer answer = call.get();
        if (answer.status() == expected) {
          return answer.body();
        }
        if (answer.status() < 500 || attempt >= 20) {
          throw new IllegalStateException("answered " + answer.status() + ": " + answer.body());
        }
      } catch (java.io.UncheckedIOException | IllegalArgumentException e) {
        if (attempt >= 20) {
          throw e;
        }
      } catch (RuntimeException e) {
        if (attempt >= 20 || e instanceof IllegalStateException) {
          throw e;
        }
      }
      figures.clientRetry();
    }
  }
}
