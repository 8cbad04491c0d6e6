package dev.waymark.bench;

import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.segment.InternalEvents;
import dev.waymark.local.LocalApi;
import dev.waymark.local.LocalRuntime;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Journeys in the local runtime: (1) from event accepted to message in the outbox — a "Test Drive
 * Attended" entering the car-loan journey, whose first step sends — median and p99, beside the
 * round trip of the same POST alone (ingest only) measured in the same run; (2) Step Functions
 * state transitions per run of each shipped journey on its main path, and what a million entries
 * cost at the published Standard price ($25 per million transitions).
 */
final class JourneyBench {
  static final int SAMPLES = 100;
  static final double DOLLARS_PER_MILLION_TRANSITIONS = 25.0;

  private JourneyBench() {}

  static void run() throws Exception {
    try (LocalRuntime runtime = runtime()) {
      LocalApi api = new LocalApi(runtime);
      latency(runtime, api);
      transitions(runtime, api);
    }
  }

  /** The transitions part alone ({@code ./waymark bench journeys-transitions}). */
  static void runTransitions() throws Exception {
    try (LocalRuntime runtime = runtime()) {
      transitions(runtime, new LocalApi(runtime));
    }
  }

  private static LocalRuntime runtime() throws java.io.IOException {
    return LocalRuntime.start(
        LocalRuntime.Options.defaults()
            .withPort(0)
            .startingAt(Instant.parse("2026-11-23T08:00:00Z")));
  }

  private static void latency(LocalRuntime runtime, LocalApi api) {
    List<Double> endToEnd = new ArrayList<>();
    List<Double> ingestOnly = new ArrayList<>();
    for (int i = 0; i < SAMPLES + 10; i++) {
      String user = "bench-" + i;
      person(api, runtime, user);
      int before = runtime.outbox().messages().size();
      long start = System.nanoTime();
      api.sendEvents(
          "{\"batch\":[{\"type\":\"track\",\"messageId\":\"attended-"
              + i
              + "\",\"userId\":\""
              + user
              + "\",\"event\":\"Test Drive Attended\",\"timestamp\":\""
              + runtime.clock().instant()
              + "\"}]}");
      long accepted = System.nanoTime();
      long giveUp = start + 30_000_000_000L;
      while (runtime.outbox().messages().size() == before) {
        if (System.nanoTime() > giveUp) {
          String id = api.get("/v1/profiles?userId=" + user).body().path("profileId").asText();
          throw new IllegalStateException(
              "no message within 30 s for "
                  + user
                  + ": "
                  + api.get("/v1/profiles/" + id + "/journeys").body());
        }
        Thread.onSpinWait();
      }
      long delivered = System.nanoTime();
      runtime.awaitProcessed();
      if (i >= 10) {
        endToEnd.add((delivered - start) / 1e6);
        ingestOnly.add((accepted - start) / 1e6);
      }
    }
    endToEnd.sort(Double::compare);
    ingestOnly.sort(Double::compare);
    double median = endToEnd.get(SAMPLES / 2);
    double p99 = endToEnd.get((int) Math.ceil(SAMPLES * 0.99) - 1);
    double ingestMedian = ingestOnly.get(SAMPLES / 2);
    System.out.printf(
        "event accepted -> message in the outbox (%d samples): median %.1f ms, p99 %.1f ms%n",
        SAMPLES, median, p99);
    System.out.printf(
        "baseline, the POST /v1/events round trip alone: median %.1f ms; ratio median/baseline %.1f%n",
        ingestMedian, median / ingestMedian);
  }

  private static final String LEASE_CLOSE_TO_END = "lease scan: Lease Close To End";

  private static void transitions(LocalRuntime runtime, LocalApi api) {
    person(api, runtime, "story");
    String[] events = {
      "{\"type\":\"screen\",\"userId\":\"story\",\"name\":\"Discounts\"}",
      "{\"type\":\"track\",\"userId\":\"story\",\"event\":\"Add To Favorites\"}",
      LEASE_CLOSE_TO_END,
      "{\"type\":\"track\",\"userId\":\"story\",\"event\":\"Configuration Started\",\"properties\":{\"configurationId\":\"c\",\"model\":\"E-V Model\",\"price\":1}}",
      "{\"type\":\"track\",\"userId\":\"story\",\"event\":\"Test Drive Booked\",\"properties\":{\"startsAt\":\"2026-11-25T10:30:00+01:00\",\"location\":\"Warsaw\"}}",
      "{\"type\":\"track\",\"userId\":\"story\",\"event\":\"Loan Application Submitted\"}",
      "{\"type\":\"track\",\"userId\":\"story\",\"event\":\"Product Added\",\"properties\":{\"cartId\":\"cart-1\",\"productName\":\"Roof box\",\"price\":349}}",
      "{\"type\":\"track\",\"userId\":\"story\",\"event\":\"Signed Up\"}",
      "{\"type\":\"track\",\"userId\":\"story\",\"event\":\"Test Drive Attended\"}",
      "{\"type\":\"track\",\"userId\":\"story\",\"event\":\"Payment Due\",\"properties\":{\"invoiceId\":\"inv-1\",\"amount\":129.9,\"dueDate\":\"2026-11-30\"}}"
    };
    for (int i = 0; i < events.length; i++) {
      send(api, runtime, events[i], 1000 + i);
    }
    runtime.advance(Duration.ofDays(4));
    send(
        api,
        runtime,
        "{\"type\":\"track\",\"userId\":\"story\",\"event\":\"Loan Documents Signed\"}",
        2000);
    runtime.advance(Duration.ofDays(10));
    Map<String, List<Long>> perMachine = new TreeMap<>();
    try (SfnClient sfn =
        SfnClient.builder()
            .endpointOverride(URI.create(runtime.sfnEndpoint().toString()))
            .region(Region.US_EAST_1)
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      sfn.listStateMachines()
          .stateMachines()
          .forEach(
              m ->
                  sfn
                      .listExecutions(r -> r.stateMachineArn(m.stateMachineArn()))
                      .executions()
                      .stream()
                      .filter(
                          e -> e.name().contains("-") && !e.status().toString().equals("RUNNING"))
                      .forEach(
                          e ->
                              perMachine
                                  .computeIfAbsent(m.name(), k -> new ArrayList<>())
                                  .add(
                                      sfn
                                          .getExecutionHistoryPaginator(
                                              r -> r.executionArn(e.executionArn()))
                                          .events()
                                          .stream()
                                          .map(HistoryEvent::typeAsString)
                                          .filter(t -> t.endsWith("StateEntered"))
                                          .count())));
    }
    System.out.println(
        "| journey (state machine) | runs | transitions per run | cost per million entries |");
    System.out.println("|---|---|---|---|");
    perMachine.forEach(
        (machine, counts) -> {
          double mean = counts.stream().mapToLong(Long::longValue).average().orElse(0);
          System.out.printf(
              "| %s | %d | %.1f | $%.2f |%n",
              machine, counts.size(), mean, mean * DOLLARS_PER_MILLION_TRANSITIONS);
        });
    double average =
        perMachine.values().stream()
            .mapToDouble(c -> c.stream().mapToLong(Long::longValue).average().orElse(0))
            .average()
            .orElse(0);
    System.out.printf(
        "average over the %d journeys: %.2f transitions per run, $%.2f per million entries"
            + " (goal: at most $100)%n",
        perMachine.size(), average, average * DOLLARS_PER_MILLION_TRANSITIONS);
  }

  private static void person(LocalApi api, LocalRuntime runtime, String user) {
    send(
        api,
        runtime,
        "{\"type\":\"identify\",\"userId\":\""
            + user
            + "\",\"traits\":{\"email\":\""
            + user
            + "@example.com\",\"timezone\":\"UTC\"},\"identities\":{\"pushToken\":\"t-"
            + user
            + "\"}}",
        -1);
    String id = api.get("/v1/profiles?userId=" + user).body().path("profileId").asText();
    api.put(
        "/v1/profiles/" + id + "/consents",
        "{\"consents\":[{\"channel\":\"email\",\"status\":\"granted\",\"source\":\"bench\"},"
            + "{\"channel\":\"sms\",\"status\":\"granted\",\"source\":\"bench\"},{\"channel\":\"push\",\"status\":\"granted\",\"source\":\"bench\"}]}");
  }

  private static void send(LocalApi api, LocalRuntime runtime, String event, int n) {
    if (event.equals(LEASE_CLOSE_TO_END)) { // reserved: only Waymark's lease scan emits it
      Profile story =
          runtime
              .services()
              .profiles()
              .lookup(Identity.of(IdentityNamespace.USER_ID, "story"))
              .orElseThrow();
      runtime
          .services()
          .inbox()
          .accept(
              InternalEvents.leaseCloseToEnd(
                  story, LocalDate.parse("2027-02-21"), 90, runtime.clock().instant()),
              "bench");
      runtime.awaitProcessed();
      return;
    }
    String withIds =
        event.replaceFirst(
            "\\{",
            "{\"messageId\":\"bench-"
                + event.hashCode()
                + "-"
                + n
                + "-"
                + System.nanoTime()
                + "\",\"timestamp\":\""
                + runtime.clock().instant()
                + "\",");
    api.sendEvents("{\"batch\":[" + withIds + "]}");
    runtime.awaitProcessed();
  }
}
