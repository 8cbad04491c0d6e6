package dev.waymark.bench.scale;

import java.util.function.LongSupplier;

/**
 * The simulated AWS account one design runs in: its clock, its quotas as token buckets, the journey
 * counter's shards, and the books (entry delays and the bill).
 */
final class Account {
  final EventLoop loop = new EventLoop();
  final TokenBucket starts;
  final TokenBucket transitions;
  final TokenBucket tableWrites;
  final PartitionWrites counters;
  final Delays delays = new Delays();
  final Bill bill = new Bill();
  private final Quotas quotas;
  private final RunShape shape;
  long throttles;

  Account(Quotas quotas, RunShape shape) {
    this.quotas = quotas;
    this.shape = shape;
    this.starts = new TokenBucket(quotas.startBucket(), quotas.startRefill());
    this.transitions = new TokenBucket(quotas.transitionBucket(), quotas.transitionRefill());
    this.tableWrites = new TokenBucket(quotas.tableWriteUnits(), quotas.tableWriteUnits());
    this.counters = new PartitionWrites(shape.counterShards(), quotas.partitionWriteUnits());
  }

  /**
   * A Standard run started now: its first transitions and {@code writeUnits} table writes are
   * reserved (throttled ones wait), the rest of its transitions come later, and its journey task is
   * invoked once if {@code invokesTask}; answers the instant its first step runs.
   */
  long standardRunStarted(double writeUnits, boolean invokesTask) {
    long now = loop.now();
    long firstStep =
        Math.max(
            transitions.reserve(now, shape.immediateTransitions()),
            tableWrites.reserve(now, writeUnits));
    bill.standardTransitions(shape.transitionsPerRun());
    bill.writeUnits(writeUnits);
    if (invokesTask) {
      bill.lambda(1, shape.taskSeconds(), shape.taskMemoryMb());
    }
    double rest = shape.transitionsPerRun() - shape.immediateTransitions();
    if (rest > 0) {
      loop.after(
          EventLoop.seconds(shape.deferredAfterSeconds()),
          () -> transitions.reserve(loop.now(), rest));
    }
    return firstStep;
  }

  /**
   * An Express run started now and lasting {@code seconds}: no Standard transitions; its table
   * writes are reserved; answers the instant its first step runs.
   */
  long expressRunStarted(double writeUnits, double seconds, int memoryMb) {
    bill.expressExecution(seconds, memoryMb);
    bill.writeUnits(writeUnits);
    bill.lambda(1, shape.taskSeconds(), shape.taskMemoryMb());
    return tableWrites.reserve(loop.now(), writeUnits);
  }

  /** Runs the simulation to its end and sums it up. */
  Outcome finish(String design, LongSupplier offered, LongSupplier deadLettered, Prices prices) {
    loop.runUntil(Long.MAX_VALUE);
    return Outcome.of(
        design,
        quotas,
        offered.getAsLong(),
        delays,
        deadLettered.getAsLong(),
        throttles,
        counters,
        bill,
        prices,
        loop);
  }
}
