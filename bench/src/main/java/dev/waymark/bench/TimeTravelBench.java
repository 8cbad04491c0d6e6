package dev.waymark.bench;

import dev.waymark.local.LocalApi;
import dev.waymark.local.LocalRuntime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code ./waymark bench timetravel}: advances the local runtime's clock a year with {@link
 * #PEOPLE} people holding date traits (a {@code leaseEnd} spread over the year: the daily lease
 * scan finds each one and the lease-renewal journey sends), waits (every fifth person leaves a
 * cart: the abandoned-cart drip's waitFor time-out and waits) and segment re-checks (everyone goes
 * inactive for 60 days, which a due re-check finds; the weekly reactivation schedule then asks them
 * to enter each Monday at 10:00 in their own zone), beside a quiet year (the same runtime set-up,
 * nobody in it) measured in the same run. Each advance goes through the clock route and returns
 * once everything it caused is processed. Prints seconds, the ratio to the quiet year, the instants
 * the clock stopped at, and the spread of the quiet rounds.
 */
final class TimeTravelBench {
  static final int PEOPLE = Integer.getInteger("bench.people", 1_000);
  static final int QUIET_ROUNDS = Integer.getInteger("bench.quietRounds", 3);
  static final Instant START = Instant.parse("2027-01-04T01:00:00Z"); // a Monday
  private static final String[] ZONES = {"Asia/Tokyo", "Europe/Warsaw", "America/New_York", "UTC"};

  private TimeTravelBench() {}

  static void run() throws Exception {
    List<Double> quiet = new ArrayList<>();
    long quietInstants = 0;
    for (int round = 0; round < QUIET_ROUNDS; round++) {
      Year q = year(0);
      quiet.add(q.seconds());
      quietInstants = q.instants();
    }
    Year loaded = year(PEOPLE);
    Rounds.Spread spread = Rounds.spread(quiet);
    double median = spread.median();
    System.out.printf(
        "time travel: a year with %d people (date traits, waits, re-checks): %.1f s, %d instants,"
            + " %d messages, %d scheduled runs%n",
        PEOPLE, loaded.seconds(), loaded.instants(), loaded.messages(), loaded.runs());
    System.out.printf(
        "  where it went: %.1f s finding the next instant, %.1f s firing, %.1f s settling%n",
        loaded.spent()[0], loaded.spent()[1], loaded.spent()[2]);
    System.out.printf(
        "  DynamoDB round trips: %d; by thread: %s%n",
        loaded.roundTrips().values().stream().mapToLong(Long::longValue).sum(),
        byThread(loaded.roundTrips()));
    System.out.println(
        "  most made: "
            + loaded.roundTrips().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(12)
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")));
    System.out.printf(
        "  quiet year (nobody): %.2f s median, %d instants; min/median/max %.2f/%.2f/%.2f s over"
            + " %d rounds%n",
        median, quietInstants, spread.min(), median, spread.max(), QUIET_ROUNDS);
    System.out.printf(
        "  ratio loaded / quiet year: %.1f; goal under 10 s: %s%n",
        loaded.seconds() / median, loaded.seconds() < 10 ? "met" : "not met");
  }

  record Year(
      double seconds,
      long instants,
      int messages,
      long runs,
      double[] spent,
      Map<String, Long> roundTrips) {}

  /** Round trips the advance made, by thread kind (the sum over operations), most first. */
  private static String byThread(Map<String, Long> roundTrips) {
    Map<String, Long> byKind = new TreeMap<>();
    roundTrips.forEach((key, n) -> byKind.merge(key.split(" ", 2)[0], n, Long::sum));
    return byKind.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /** A fresh runtime with {@code people} loaded, then one advance of a year, timed. */
  private static Year year(int people) throws Exception {
    try (LocalRuntime runtime =
        LocalRuntime.start(LocalRuntime.Options.defaults().withPort(0).startingAt(START))) {
      LocalApi api = new LocalApi(runtime);
      load(runtime, api, people);
      long instantsBefore = runtime.clock().instantsFired();
      Map<String, Long> callsBefore = runtime.dynamoCalls();
      long startedAt = System.nanoTime();
      LocalApi.Answer answer = api.post("/_local/clock/advance", "{\"by\":\"P1Y\"}");
      double seconds = (System.nanoTime() - startedAt) / 1e9;
      if (answer.status() != 200) {
        throw new IllegalStateException("advance refused: " + answer.body());
      }
      return new Year(
          seconds,
          runtime.clock().instantsFired() - instantsBefore,
          runtime.outbox().messages().size(),
          runtime.scheduler().scheduler().firedCount(),
          runtime.clock().secondsSpent(),
          since(callsBefore, runtime.dynamoCalls()));
    }
  }

  private static Map<String, Long> since(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> made = new TreeMap<>();
    after.forEach(
        (key, n) -> {
          long d = n - before.getOrDefault(key, 0L);
          if (d > 0) {
            made.put(key, d);
          }
        });
    return made;
  }

  private static void load(LocalRuntime runtime, LocalApi api, int people) {
    LocalDate today = LocalDate.of(2027, 1, 4);
    StringBuilder batch = new StringBuilder();
    int inBatch = 0;
    for (int i = 0; i < people; i++) {
      String user = "p-" + i;
      batch
          .append(inBatch == 0 ? "" : ",")
          .append("{\"type\":\"identify\",\"messageId\":\"id-")
          .append(i)
          .append("\",\"timestamp\":\"")
          .append(START)
          .append("\",\"userId\":\"")
          .append(user)
          .append("\",\"traits\":{\"email\":\"")
          .append(user)
          .append("@example.com\",\"firstName\":\"P\",\"timezone\":\"")
          .append(ZONES[i % ZONES.length])
          .append("\",\"leaseEnd\":\"")
          .append(today.plusDays(91 + (i % 365)))
          .append("\"}}");
      if (i % 5 == 0) {
        batch
            .append(",{\"type\":\"track\",\"messageId\":\"cart-")
            .append(i)
            .append("\",\"timestamp\":\"")
            .append(START)
            .append("\",\"userId\":\"")
            .append(user)
            .append("\",\"event\":\"Product Added\",\"properties\":{\"cartId\":\"c-")
            .append(i)
            .append("\",\"productName\":\"roof box\",\"price\":349}}");
        inBatch++;
      }
      if (++inBatch >= 90 || i == people - 1) {
        send(api, "{\"batch\":[" + batch + "]}");
        batch.setLength(0);
        inBatch = 0;
      }
    }
    runtime.awaitProcessed();
    for (int i = 0; i < people; i++) {
      api.put(
          "/v1/profiles/" + profileId(api, "p-" + i) + "/consents",
          "{\"consents\":[{\"channel\":\"email\",\"status\":\"granted\",\"source\":\"bench\"}]}");
    }
    runtime.awaitProcessed();
  }

  private static String profileId(LocalApi api, String user) {
    return api.get("/v1/profiles?userId=" + user).body().path("profileId").asText();
  }

  private static void send(LocalApi api, String body) {
    LocalApi.Answer answer = api.sendEvents(body);
    if (answer.status() != 202) {
      throw new IllegalStateException("the API refused the bench's events: " + answer.body());
    }
  }
}
