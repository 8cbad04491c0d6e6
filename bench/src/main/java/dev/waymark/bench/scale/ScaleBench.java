package dev.waymark.bench.scale;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Stream;

/**
 * {@code ./waymark bench scale}: the discrete-event simulation of docs/scaling.md. For the two
 * targets (5,000 unitary entries/s; a burst of 1,000,000 audience entries at 20,000/s) it runs the
 * naive design (one StartExecution per entry, today's router) and the designed one (SQS and a
 * quota-aware starter; a Distributed Map), under the default quotas and under raised ones, each for
 * {@code bench.rounds} seeds (default 3), and prints the median with the spread of the rounds and
 * the ratios against the naive design of the same load and quotas. Simulated time, not measured
 * time: the figures do not depend on this machine or its load.
 */
public final class ScaleBench {
  static final double UNITARY_RATE = 5_000;
  static final double AUDIENCE_RATE = 20_000;
  static final int AUDIENCE = 1_000_000;

  private ScaleBench() {}

  public static void main(String[] args) {
    run();
  }

  public static void run() {
    int rounds = Integer.getInteger("bench.rounds", 3);
    Prices prices = Prices.usEast1();
    RunShape shape = RunShape.typical();
    Quotas defaults = Quotas.largeRegionDefaults();
    Quotas unitaryRaised =
        defaults.raisedFor(
            UNITARY_RATE, shape.transitionsPerRun(), 1_000, shape.writeUnitsPerEntry());
    Quotas audienceRaised =
        defaults.raisedFor(
            AUDIENCE_RATE, shape.transitionsPerRun(), 1_000, shape.writeUnitsPerEntry() + 1);
    Load unitary = new Load("unitary", UNITARY_RATE, 60, 2, 20, 10);
    Load audienceFeed = Load.steady("audience", AUDIENCE_RATE, AUDIENCE / AUDIENCE_RATE);

    System.out.printf(
        Locale.ROOT,
        "scale simulation: %d rounds (seeds 1..%d); run shape: %.0f transitions/run, %.0f WCU/entry,"
            + " %d counter shards%n",
        rounds,
        rounds,
        shape.transitionsPerRun(),
        shape.writeUnitsPerEntry(),
        shape.counterShards());
    List<Target> targets =
        List.of(
            new Target(
                "Unitary: 5,000 entries/s for 60 s, twice that from 20 s to 30 s"
                    + " (about 350,000 entries)",
                unitary,
                unitaryRaised,
                Stream.of(QueuedStarter.Starter.typical(), QueuedStarter.Starter.expressRuns())
                    .<Function<Quotas, LongFunction<Outcome>>>map(
                        starter ->
                            quotas ->
                                seed ->
                                    QueuedStarter.run(
                                        unitary, quotas, shape, starter, prices, seed))
                    .toList()),
            new Target(
                "Audience: 1,000,000 entries at once (the naive design is fed them at 20,000/s)",
                audienceFeed,
                audienceRaised,
                Arrays.stream(MapFanOut.Children.values())
                    .map(children -> MapFanOut.Plan.typical(children, AUDIENCE_RATE))
                    .<Function<Quotas, LongFunction<Outcome>>>map(
                        plan ->
                            quotas ->
                                seed -> MapFanOut.run(AUDIENCE, plan, quotas, shape, prices, seed))
                    .toList()));
    for (Target target : targets) {
      System.out.println();
      System.out.println(target.title());
      for (Quotas quotas : List.of(defaults, target.raised())) {
        System.out.println("  " + describe(quotas));
        Summary naive = naive(rounds, target.naiveLoad(), quotas, shape, prices);
        print(naive, null);
        for (Function<Quotas, LongFunction<Outcome>> design : target.designs()) {
          print(rounds(rounds, design.apply(quotas)), naive);
        }
      }
    }
  }

  /** A target load: the naive design's feed, the quotas raised for it, and the designs to try. */
  private record Target(
      String title,
      Load naiveLoad,
      Quotas raised,
      List<Function<Quotas, LongFunction<Outcome>>> designs) {}

  private static Summary naive(
      int rounds, Load load, Quotas quotas, RunShape shape, Prices prices) {
    DirectStarts.Retries retries = DirectStarts.Retries.sdkStandardMode();
    return rounds(rounds, seed -> DirectStarts.run(load, quotas, shape, retries, prices, seed));
  }

  private static String describe(Quotas q) {
    return String.format(
        Locale.ROOT,
        "%s: StartExecution %,.0f/s (bucket %,.0f), StateTransition %,.0f/s (bucket %,.0f),"
            + " table %,.0f WRU/s, Lambda %,d",
        q.name(),
        q.startRefill(),
        q.startBucket(),
        q.transitionRefill(),
        q.transitionBucket(),
        q.tableWriteUnits(),
        q.lambdaConcurrency());
  }

  /** The rounds of one design: each metric's median, minimum and maximum. */
  record Summary(List<Outcome> outcomes) {
    double median(java.util.function.ToDoubleFunction<Outcome> metric) {
      double[] values = outcomes.stream().mapToDouble(metric).sorted().toArray();
      return values[values.length / 2];
    }

    String spread(java.util.function.ToDoubleFunction<Outcome> metric, String format) {
      double[] values = outcomes.stream().mapToDouble(metric).sorted().toArray();
      return String.format(Locale.ROOT, format, values[values.length / 2])
          + String.format(
              Locale.ROOT,
              " [" + format + "–" + format + "]",
              values[0],
              values[values.length - 1]);
    }
  }

  static Summary rounds(int rounds, LongFunction<Outcome> design) {
    List<Outcome> outcomes = new ArrayList<>();
    for (long seed = 1; seed <= rounds; seed++) {
      outcomes.add(design.apply(seed));
    }
    return new Summary(outcomes);
  }

  private static void print(Summary s, Summary baseline) {
    Outcome first = s.outcomes().get(0);
    System.out.printf(
        Locale.ROOT,
        "    %-40s entered %s of %s, dead-lettered %s%n",
        first.design(),
        s.spread(o -> o.entered(), "%,.0f"),
        s.spread(o -> o.offered(), "%,.0f"),
        s.spread(o -> o.deadLettered(), "%,.0f"));
    System.out.printf(
        Locale.ROOT,
        "      entries/s %s | delay p50 %s s, p99 %s s | last entry %s s%n",
        s.spread(Outcome::perSecond, "%,.0f"),
        s.spread(Outcome::p50Seconds, "%.1f"),
        s.spread(Outcome::p99Seconds, "%.1f"),
        s.spread(Outcome::lastEntrySeconds, "%.1f"));
    System.out.printf(
        Locale.ROOT,
        "      throttled StartExecution calls %s | busiest counter shard %s writes/s"
            + " (throttled %s) | %.2f Standard transitions/entry | $ per million entries %s%n",
        s.spread(o -> o.apiThrottles(), "%,.0f"),
        s.spread(o -> o.peakShardWrites(), "%,.0f"),
        s.spread(o -> o.shardThrottles(), "%,.0f"),
        s.median(Outcome::standardTransitionsPerEntry),
        s.spread(Outcome::costPerMillion, "%.2f"));
    if (baseline != null) {
      System.out.printf(
          Locale.ROOT,
          "      ratio to one StartExecution per entry: entries/s %.1fx, entered %.2fx,"
              + " last entry %.2fx, cost %.3fx%n",
          s.median(Outcome::perSecond) / baseline.median(Outcome::perSecond),
          s.median(o -> o.entered()) / baseline.median(o -> o.entered()),
          s.median(Outcome::lastEntrySeconds) / baseline.median(Outcome::lastEntrySeconds),
          s.median(Outcome::costPerMillion) / baseline.median(Outcome::costPerMillion));
    }
  }
}
