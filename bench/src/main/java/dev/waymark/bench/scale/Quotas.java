package dev.waymark.bench.scale;

/**
 * The service quotas the simulator enforces, per account and Region. Every default is cited in
 * docs/scaling.md ("Inputs"); all are soft quotas except where that page says otherwise.
 *
 * @param startBucket Standard StartExecution bucket size
 * @param startRefill Standard StartExecution refill per second
 * @param transitionBucket Standard StateTransition bucket size
 * @param transitionRefill Standard StateTransition refill per second
 * @param expressStartBucket Express StartExecution bucket size
 * @param expressStartRefill Express StartExecution refill per second
 * @param lambdaConcurrency concurrent Lambda executions the journey tasks may use
 * @param mapMaxConcurrency a Distributed Map's concurrent child executions
 * @param partitionWriteUnits write units per second one DynamoDB partition serves
 * @param tableWriteUnits write request units per second one on-demand table serves
 */
public record Quotas(
    String name,
    double startBucket,
    double startRefill,
    double transitionBucket,
    double transitionRefill,
    double expressStartBucket,
    double expressStartRefill,
    int lambdaConcurrency,
    int mapMaxConcurrency,
    double partitionWriteUnits,
    double tableWriteUnits) {
  /** How far above a target rate {@link #raisedFor} raises a quota. */
  static final double HEADROOM = 1.25;

  /** The defaults in US East (N. Virginia), US West (Oregon) and Europe (Ireland). */
  public static Quotas largeRegionDefaults() {
    return new Quotas(
        "default quotas", 800, 300, 5_000, 1_500, 6_000, 6_000, 1_000, 10_000, 1_000, 40_000);
  }

  /**
   * The defaults with StartExecution and StateTransition raised to carry {@code entriesPerSecond}
   * runs of {@code transitionsPerRun} transitions with 25% headroom (a bucket then holds one
   * second's refill, or its default size if larger), Lambda concurrency raised to {@code
   * lambdaConcurrency} and the table's write throughput to carry {@code writeUnitsPerEntry} per
   * entry with the same headroom.
   */
  public Quotas raisedFor(
      double entriesPerSecond,
      double transitionsPerRun,
      int lambdaConcurrency,
      double writeUnitsPerEntry) {
    double start = Math.max(startRefill, Math.ceil(entriesPerSecond * HEADROOM));
    double transitions =
        Math.max(transitionRefill, Math.ceil(entriesPerSecond * transitionsPerRun * HEADROOM));
    return new Quotas(
        "raised quotas",
        Math.max(startBucket, start),
        start,
        Math.max(transitionBucket, transitions),
        transitions,
        expressStartBucket,
        expressStartRefill,
        Math.max(this.lambdaConcurrency, lambdaConcurrency),
        mapMaxConcurrency,
        partitionWriteUnits,
        Math.max(tableWriteUnits, Math.ceil(entriesPerSecond * writeUnitsPerEntry * HEADROOM)));
  }
}
