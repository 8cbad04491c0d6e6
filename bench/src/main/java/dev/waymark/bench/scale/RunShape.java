package dev.waymark.bench.scale;

/**
 * What one journey run costs the quotas, whatever starts it.
 *
 * @param transitionsPerRun Standard state transitions over a whole run (the cheaper-journeys goal
 *     is 4 on average)
 * @param immediateTransitions of those, the ones taken as the run starts (entry and first send)
 * @param deferredAfterSeconds when the rest are taken; real waits last days, but in steady state
 *     only the rate matters, so the simulation folds them into its window
 * @param writeUnitsPerEntry DynamoDB write units an entry costs (membership, run, send ledger,
 *     message log), the same in every design
 * @param counterShards shards of the per-journey counter (data-model.md: 10)
 * @param taskSeconds the journey task's Lambda time for one entry invoked on its own (a Map child
 *     invokes it once for its whole batch instead)
 * @param taskMemoryMb the journey task's Lambda memory
 */
public record RunShape(
    double transitionsPerRun,
    double immediateTransitions,
    double deferredAfterSeconds,
    double writeUnitsPerEntry,
    int counterShards,
    double taskSeconds,
    int taskMemoryMb) {

  public static RunShape typical() {
    return new RunShape(4, 2, 15, 4, 10, 0.055, 1024);
  }
}
