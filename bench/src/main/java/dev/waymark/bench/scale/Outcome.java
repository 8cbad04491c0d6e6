package dev.waymark.bench.scale;

/**
 * What one simulated design did with one load under one set of quotas.
 *
 * @param offered entries offered
 * @param entered entries whose run took its first step
 * @param deadLettered entries given up (sent to the dead-letter queue after every retry)
 * @param perSecond entries entered per second, from the first arrival to the last entry
 * @param lastEntrySeconds when the last entry took its first step, from the first arrival
 * @param apiThrottles StartExecution calls refused with a throttling error
 * @param peakShardWrites the most writes one counter shard took in one second
 * @param shardThrottles counter writes beyond a partition's throughput
 * @param costPerMillion dollars per million entries entered
 */
public record Outcome(
    String design,
    String quotas,
    long offered,
    long entered,
    long deadLettered,
    double perSecond,
    double p50Seconds,
    double p99Seconds,
    double maxSeconds,
    double lastEntrySeconds,
    long apiThrottles,
    int peakShardWrites,
    long shardThrottles,
    double standardTransitionsPerEntry,
    double costPerMillion,
    long events) {

  static Outcome of(
      String design,
      Quotas quotas,
      long offered,
      Delays delays,
      long deadLettered,
      long apiThrottles,
      PartitionWrites counters,
      Bill bill,
      Prices prices,
      EventLoop loop) {
    long entered = delays.count();
    double span = entered == 0 ? 0 : EventLoop.toSeconds(delays.lastAt());
    return new Outcome(
        design,
        quotas.name(),
        offered,
        entered,
        deadLettered,
        span == 0 ? 0 : entered / span,
        delays.percentileSeconds(50),
        delays.percentileSeconds(99),
        delays.percentileSeconds(100),
        span,
        apiThrottles,
        counters.peakShardWritesPerSecond(),
        counters.throttled(),
        entered == 0 ? 0 : bill.standardTransitions() / entered,
        entered == 0 ? 0 : bill.dollars(prices) / entered * 1_000_000,
        loop.processed());
  }
}
