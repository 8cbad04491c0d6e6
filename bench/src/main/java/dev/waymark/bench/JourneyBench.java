package dev.waymark.bench;

import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.segment.DateTrigger;
import dev.waymark.core.segment.InternalEvents;
import dev.waymark.local.LocalApi;
import dev.waymark.local.LocalRuntime;
import dev.waymark.local.latency.PipelineProbe;
import dev.waymark.local.latency.PipelineProbe.Stage;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
  static final int SAMPLES = 200;
  static final int WARM_UP = 30;
  static final int ROUND = 50;

  /** The legs of the way between the ingest and the outbox, each from one mark to the next. */
  static final Map<String, Stage[]> LEGS = new LinkedHashMap<>();

  static {
    LEGS.put(
        "stream (accepted until the poller delivers it)",
        new Stage[] {Stage.ACCEPTED, Stage.DELIVERED});
    LEGS.put(
        "processing until StartExecution arrives", new Stage[] {Stage.DELIVERED, Stage.STARTED});
    LEGS.put(
        "executor: StartExecution until the send task", new Stage[] {Stage.STARTED, Stage.TASK});
    LEGS.put("send task until the message is in the outbox", new Stage[] {Stage.TASK, Stage.SENT});
  }

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

  private static void latency(LocalRuntime runtime, LocalApi api) throws InterruptedException {
    PipelineProbe probe = runtime.probe();
    Map<String, List<Double>> stages = new LinkedHashMap<>();
    List<Double> endToEnd = new ArrayList<>();
    List<Double> ingestOnly = new ArrayList<>();
    List<Double> roundMedians = new ArrayList<>();
    List<Double> roundP99s = new ArrayList<>();
    for (int i = 0; i < WARM_UP + SAMPLES; i++) {
      String user = "bench-" + i;
      person(api, runtime, user);
      int before = runtime.outbox().size();
      probe.arm();
      long start = System.nanoTime();
      api.sendEvents(
          "{\"batch\":[{\"type\":\"track\",\"messageId\":\"attended-"
              + i
              + "\",\"userId\":\""
              + user
              + "\",\"event\":\"Test Drive Attended\",\"timestamp\":\""
              + runtime.clock().instant()
              + "\"}]}");
      long answered = System.nanoTime();
      // blocks on the outbox's monitor until the send task's message arrives: no polling loop
      if (!runtime.outbox().awaitMoreThan(before, Duration.ofSeconds(30))) {
        String id = api.get("/v1/profiles?userId=" + user).body().path("profileId").asText();
        throw new IllegalStateException(
            "no message within 30 s for "
                + user
                + ": "
                + api.get("/v1/profiles/" + id + "/journeys").body());
      }
      long woken = System.nanoTime();
      runtime.awaitProcessed();
      if (i < WARM_UP) {
        continue;
      }
      long sent = probe.at(Stage.SENT);
      endToEnd.add(ms(sent - start));
      ingestOnly.add(ms(answered - start));
      add(stages, "ingest (POST until the inbox put is done)", probe.at(Stage.ACCEPTED) - start);
      for (var leg : LEGS.entrySet()) {
        add(stages, leg.getKey(), probe.at(leg.getValue()[1]) - probe.at(leg.getValue()[0]));
      }
      add(stages, "(measuring side woken after the message)", woken - sent);
      if (endToEnd.size() % ROUND == 0) {
        List<Double> round =
            new ArrayList<>(endToEnd.subList(endToEnd.size() - ROUND, endToEnd.size()));
        round.sort(Double::compare);
        roundMedians.add(Rounds.median(round));
        roundP99s.add(Rounds.percentile(round, 99));
      }
    }
    List<Double> sorted = new ArrayList<>(endToEnd);
    sorted.sort(Double::compare);
    ingestOnly.sort(Double::compare);
    double median = Rounds.median(sorted);
    double p99 = Rounds.percentile(sorted, 99);
    double ingestMedian = Rounds.median(ingestOnly);
    System.out.printf(
        "event accepted -> message in the outbox (%d samples after %d warm-up): median %.1f ms,"
            + " p99 %.1f ms, max %.1f ms%n",
        SAMPLES, WARM_UP, median, p99, sorted.getLast());
    System.out.printf(
        "  rounds of %d: median %s ms; p99 %s ms%n",
        ROUND, Rounds.spread(roundMedians).format("%.1f"), Rounds.spread(roundP99s).format("%.1f"));
    System.out.printf(
        "baseline, the POST /v1/events round trip alone: median %.1f ms; ratio median/baseline %.1f%n",
        ingestMedian, median / ingestMedian);
    System.out.println("where the time goes (ms):");
    System.out.println("| stage | median | p99 | max |");
    System.out.println("|---|---:|---:|---:|");
    stages.forEach(
        (stage, values) -> {
          List<Double> v = new ArrayList<>(values);
          v.sort(Double::compare);
          System.out.printf(
              Locale.ROOT,
              "| %s | %.1f | %.1f | %.1f |%n",
              stage,
              Rounds.median(v),
              Rounds.percentile(v, 99),
              v.getLast());
        });
  }

  private static void add(Map<String, List<Double>> stages, String stage, long nanos) {
    stages.computeIfAbsent(stage, k -> new ArrayList<>()).add(ms(nanos));
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static final String LEASE_CLOSE_TO_END =
      "date trigger: Date Trait Reached leaseEnd -P90D";

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
      sfn.listStateMachinesPaginator(r -> {})
          .stateMachines()
          .forEach(
              m ->
                  sfn
                      .listExecutionsPaginator(r -> r.stateMachineArn(m.stateMachineArn()))
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

  static void person(LocalApi api, LocalRuntime runtime, String user) {
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
    if (event.equals(LEASE_CLOSE_TO_END)) { // reserved: only Waymark's date triggers emit it
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
              InternalEvents.dateTraitReached(
                  story,
                  new DateTrigger("leaseEnd", -90, false),
                  LocalDate.parse("2027-02-21"),
                  LocalDate.parse("2027-02-21").minusDays(90),
                  runtime.clock().instant()),
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
