package dev.waymark.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The simulator's books: what it counts must add up, whatever the load and quotas. */
class SimulatorAccountingTest {
  private static final Prices PRICES = Prices.usEast1();
  private static final RunShape SHAPE = RunShape.typical();
  private static final Quotas DEFAULTS = Quotas.largeRegionDefaults();
  private static final Quotas HUGE =
      new Quotas("huge", 1e9, 1e9, 1e9, 1e9, 1e9, 1e9, 100_000, 10_000, 1e9, 1e9);

  private static Outcome naive(Load load, Quotas quotas, long seed) {
    return DirectStarts.run(
        load, quotas, SHAPE, DirectStarts.Retries.sdkStandardMode(), PRICES, seed);
  }

  @Test
  void underQuotasItNeverReachesEveryEntryStartsAtOnceAndCostsItsTransitionsAndWrites() {
    Outcome o = naive(Load.steady("light", 200, 10), HUGE, 7);
    assertThat(o.offered()).isGreaterThan(1_500);
    assertThat(o.entered()).isEqualTo(o.offered());
    assertThat(o.deadLettered()).isZero();
    assertThat(o.apiThrottles()).isZero();
    assertThat(o.maxSeconds()).isZero();
    assertThat(o.standardTransitionsPerEntry()).isEqualTo(4.0);
    // 4 transitions at $25 per million, 4 + 1 (counter) write units at $0.625 per million, one
    // journey task invocation of 55 ms at 1 GB
    double task = 0.20 + 0.055 * 0.0000166667 * 1e6;
    assertThat(o.costPerMillion()).isCloseTo(4 * 25 + 5 * 0.625 + task, within(1e-6));
  }

  @Test
  void overloadedEveryOfferedEntryIsEitherEnteredOrDeadLettered() {
    Outcome o = naive(Load.steady("heavy", 2_000, 10), DEFAULTS, 7);
    assertThat(o.entered() + o.deadLettered()).isEqualTo(o.offered());
    assertThat(o.deadLettered()).isPositive();
    assertThat(o.apiThrottles()).isGreaterThanOrEqualTo(o.deadLettered() * 18);
    // never more starts than the bucket's size plus its refill over the time it ran
    assertThat(o.entered()).isLessThanOrEqualTo((long) (800 + 300 * o.lastEntrySeconds()) + 1);
  }

  @Test
  void theSameSeedGivesTheSameRunAndAnotherSeedAnotherOne() {
    Load load = new Load("burst", 1_000, 5, 3, 1, 1);
    Outcome a = naive(load, DEFAULTS, 3);
    assertThat(naive(load, DEFAULTS, 3)).isEqualTo(a);
    assertThat(naive(load, DEFAULTS, 4)).isNotEqualTo(a);
  }

  @Test
  void theStarterQueuesWhatTheQuotaCannotTakeAndPacesItsStarts() {
    Outcome o =
        QueuedStarter.run(
            Load.steady("10x", 3_000, 10),
            DEFAULTS,
            SHAPE,
            QueuedStarter.Starter.typical(),
            PRICES,
            7);
    assertThat(o.entered()).isEqualTo(o.offered());
    assertThat(o.deadLettered()).isZero();
    assertThat(o.apiThrottles()).isZero();
    // paced at 90% of min(300/s, 1,500/s / 4 transitions) with 90% of the 800-call bucket at once
    double expectedLast = (o.offered() - 0.9 * 800) / (0.9 * 300);
    assertThat(o.lastEntrySeconds()).isCloseTo(expectedLast, within(1.0));
    // SQS: 3 requests per 10 entries; Lambda: 1 starter invocation per 10 entries of 10 x 20 ms
    // at 256 MB, and the journey task once per entry (55 ms at 1 GB)
    double perEntry =
        4 * PRICES.standardTransition()
            + (4 + 0.1) * PRICES.writeRequestUnit()
            + 0.3 * PRICES.sqsRequest()
            + 0.1 * PRICES.lambdaRequest()
            + 0.1 * 0.2 * 0.25 * PRICES.lambdaGbSecond()
            + PRICES.lambdaRequest()
            + 0.055 * PRICES.lambdaGbSecond();
    assertThat(o.costPerMillion()).isCloseTo(perEntry * 1e6, within(0.01));
  }

  @Test
  void expressRunsArePacedUnderTheExpressQuotaAndPayNoStandardTransitions() {
    Outcome o =
        QueuedStarter.run(
            Load.steady("5k", 5_000, 10),
            DEFAULTS,
            SHAPE,
            QueuedStarter.Starter.expressRuns(),
            PRICES,
            7);
    assertThat(o.entered()).isEqualTo(o.offered());
    assertThat(o.apiThrottles()).isZero();
    assertThat(o.standardTransitionsPerEntry()).isZero();
    // 90% of the 6,000/s Express quota carries 5,000/s: no entry waits long in the queue
    assertThat(o.p99Seconds()).isLessThan(0.5);
  }

  @Test
  void theMapStartsOneRunWhateverTheAudienceAndOneChildPerBatch() {
    MapFanOut.Plan plan = MapFanOut.Plan.typical(MapFanOut.Children.EXPRESS, 20_000);
    Outcome o = MapFanOut.run(10_000, plan, DEFAULTS, SHAPE, PRICES, 7);
    assertThat(o.entered()).isEqualTo(10_000);
    assertThat(o.apiThrottles()).isZero();
    // the audience run's 3 transitions and one per child started (100 children of 100)
    assertThat(o.standardTransitionsPerEntry() * 10_000).isCloseTo(103, within(1e-9));
    // every member enters after the manifest is written
    assertThat(o.p50Seconds()).isGreaterThan(plan.prepSeconds());
    assertThat(o.peakShardWrites()).isLessThanOrEqualTo(100);
  }

  @Test
  void theMapsConcurrencyFollowsTheTargetRateTheTableAndTheLambdaShare() {
    MapFanOut.Plan plan = MapFanOut.Plan.typical(MapFanOut.Children.EXPRESS, 20_000);
    // 40,000 WRU/s at 4 WRU per entry with 10% spare: 9,000 entries/s; a child of 100 takes 0.55 s
    assertThat(MapFanOut.maxConcurrency(plan, DEFAULTS, SHAPE)).isEqualTo(50);
    assertThat(MapFanOut.maxConcurrency(plan, HUGE, SHAPE)).isEqualTo(110);
    Quotas fewLambdas =
        new Quotas("few", 800, 300, 5_000, 1_500, 6_000, 6_000, 50, 10_000, 1_000, 1e9);
    assertThat(MapFanOut.maxConcurrency(plan, fewLambdas, SHAPE)).isEqualTo(40);
  }

  @Test
  void aShardTakesAPartitionsWritesAndTheRestAreCountedAsThrottled() {
    PartitionWrites writes = new PartitionWrites(2, 1_000);
    for (int i = 0; i < 2_000; i++) {
      writes.write(0, 0); // 2,000 writes to shard 0 at once
    }
    writes.write(0, 1);
    assertThat(writes.peakShardWritesPerSecond()).isEqualTo(2_000);
    assertThat(writes.throttled()).isEqualTo(1_000);
    assertThat(writes.writes()).isEqualTo(2_001);
  }

  @Test
  void expressIsBilledIn100MillisecondStepsAnd64MegabyteChunks() {
    Bill bill = new Bill();
    bill.expressExecution(0.55, 64);
    bill.expressExecution(0.1, 65);
    double gbSeconds = 0.6 * 0.0625 + 0.1 * 0.125;
    assertThat(bill.lines(PRICES).get("Step Functions Express"))
        .isCloseTo(
            2 * PRICES.expressRequest() + gbSeconds * PRICES.expressGbSecond(), within(1e-12));
    assertThat(bill.dollars(PRICES))
        .isEqualTo(bill.lines(PRICES).values().stream().mapToDouble(Double::doubleValue).sum());
  }

  @Test
  void percentilesAreNearestRank() {
    Delays delays = new Delays();
    for (int i = 1; i <= 100; i++) {
      delays.record(0, i * EventLoop.SECOND);
    }
    assertThat(delays.percentileSeconds(50)).isEqualTo(50.0);
    assertThat(delays.percentileSeconds(99)).isEqualTo(99.0);
    assertThat(delays.percentileSeconds(100)).isEqualTo(100.0);
    assertThat(new Delays().percentileSeconds(50)).isZero();
  }
}
