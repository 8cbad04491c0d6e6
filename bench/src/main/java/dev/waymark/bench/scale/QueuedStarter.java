package dev.waymark.bench.scale;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The designed unitary path: the router puts each entry on an SQS queue (SendMessageBatch, 10 a
 * request) and a starter function, fed by the queue 10 messages at a time, starts runs no faster
 * than its own token bucket allows: {@code headroom} of the StartExecution quota and of the
 * StateTransition quota divided by a run's transitions, bucket and refill alike. A burst waits in
 * the queue instead of being throttled, so no entry is retried into the dead-letter queue. The
 * starter also adds its batch's entries to the journey counter in one write per batch.
 */
public final class QueuedStarter {
  /**
   * The starter: the share of the quota it takes, its Lambda memory, the time one StartExecution
   * call takes, the SQS batch; and whether it starts Express runs (journeys, or the part of one,
   * that end within Express's 5 minutes and wait for no task token) of {@code expressSeconds}.
   */
  public record Starter(
      double headroom,
      int memoryMb,
      double secondsPerStart,
      int batch,
      boolean express,
      double expressSeconds) {
    public static Starter typical() {
      return new Starter(0.9, 256, 0.02, 10, false, 0);
    }

    public static Starter expressRuns() {
      return new Starter(0.9, 256, 0.02, 10, true, 1.0);
    }
  }

  private final Account account;
  private final EventLoop loop;
  private final RunShape shape;
  private final Starter starter;
  private final TokenBucket pacing;
  private final TokenBucket calls;
  private long[] arrivals = new long[1 << 16];
  private int head;
  private int tail;
  private boolean drainScheduled;

  private QueuedStarter(Quotas quotas, RunShape shape, Starter starter) {
    this.shape = shape;
    this.starter = starter;
    double perRun = shape.transitionsPerRun();
    this.pacing =
        starter.express()
            ? new TokenBucket(
                starter.headroom() * quotas.expressStartBucket(),
                starter.headroom() * quotas.expressStartRefill())
            : new TokenBucket(
                starter.headroom()
                    * Math.min(quotas.startBucket(), quotas.transitionBucket() / perRun),
                starter.headroom()
                    * Math.min(quotas.startRefill(), quotas.transitionRefill() / perRun));
    this.account = new Account(quotas, shape);
    this.loop = account.loop;
    this.calls =
        starter.express()
            ? new TokenBucket(quotas.expressStartBucket(), quotas.expressStartRefill())
            : account.starts;
  }

  public static Outcome run(
      Load load, Quotas quotas, RunShape shape, Starter starter, Prices prices, long seed) {
    QueuedStarter sim = new QueuedStarter(quotas, shape, starter);
    load.schedule(sim.loop, new SplittableRandom(seed), id -> sim.enqueue());
    return sim.account.finish(
        starter.express() ? "SQS + starter, Express runs" : "SQS + quota-aware starter",
        () -> sim.tail,
        () -> 0,
        prices);
  }

  private void enqueue() {
    if (tail == arrivals.length) {
      arrivals = Arrays.copyOf(arrivals, tail * 2);
    }
    arrivals[tail++] = loop.now();
    account.bill.sqsRequests(1.0 / starter.batch()); // SendMessageBatch
    if (!drainScheduled) {
      drainScheduled = true;
      loop.at(loop.now(), this::drain);
    }
  }

  private void drain() {
    drainScheduled = false;
    while (head < tail) {
      long now = loop.now();
      long ready = pacing.availableAt(now, 1);
      if (ready > now) {
        drainScheduled = true;
        loop.at(ready, this::drain);
        return;
      }
      pacing.tryTake(now, 1);
      if (!calls.tryTake(now, 1)) { // only when something else spends the quota
        account.throttles++;
        drainScheduled = true;
        loop.after(EventLoop.seconds(0.1), this::drain);
        return;
      }
      start(head++, now);
    }
  }

  private void start(int id, long now) {
    long firstStep =
        starter.express()
            ? account.expressRunStarted(shape.writeUnitsPerEntry(), starter.expressSeconds(), 64)
            : account.standardRunStarted(shape.writeUnitsPerEntry(), true);
    account.delays.record(arrivals[id], firstStep);
    Bill bill = account.bill;
    bill.sqsRequests(2.0 / starter.batch()); // ReceiveMessage and DeleteMessageBatch
    bill.lambda(
        1.0 / starter.batch(), starter.batch() * starter.secondsPerStart(), starter.memoryMb());
    if ((id + 1) % starter.batch() == 0) { // one counter ADD per batch
      account.counters.write(now, id / starter.batch());
      bill.writeUnits(1);
    }
  }
}
