package dev.waymark.bench.scale;

import java.util.SplittableRandom;

/**
 * The naive design, Waymark as it is today: the process function's journey router calls
 * StartExecution (Standard) once per entry, as the entry's event is processed. A throttled call is
 * retried by the SDK with exponential back-off and full jitter; when its attempts are spent the
 * record fails, the stream retries it, and after the last stream retry it goes to the dead-letter
 * queue. (The real stream retries a whole batch and holds the shard meanwhile; retrying entries one
 * by one, as here, flatters the naive design.)
 */
public final class DirectStarts {
  /**
   * How the naive design retries: SDK attempts per invocation, throttling back-off base and cap,
   * stream retries and their delay, and what one retried process invocation costs per entry.
   */
  public record Retries(
      int sdkAttempts,
      double backoffBaseSeconds,
      double backoffCapSeconds,
      int streamRetries,
      double streamRetrySeconds,
      double processSeconds,
      int processMemoryMb) {

    public static Retries sdkStandardMode() {
      return new Retries(3, 0.5, 20, 5, 1, 0.1, 1024);
    }
  }

  private final Account account;
  private final EventLoop loop;
  private final SplittableRandom random;
  private final RunShape shape;
  private final Retries retries;
  private long deadLettered;

  private DirectStarts(Quotas quotas, RunShape shape, Retries retries, long seed) {
    this.random = new SplittableRandom(seed);
    this.shape = shape;
    this.retries = retries;
    this.account = new Account(quotas, shape);
    this.loop = account.loop;
  }

  public static Outcome run(
      Load load, Quotas quotas, RunShape shape, Retries retries, Prices prices, long seed) {
    DirectStarts sim = new DirectStarts(quotas, shape, retries, seed);
    long[] offered = {0};
    load.schedule(
        sim.loop,
        sim.random,
        id -> {
          offered[0]++;
          sim.attempt(id, sim.loop.now(), 1, 0);
        });
    return sim.account.finish(
        "one StartExecution per entry", () -> offered[0], () -> sim.deadLettered, prices);
  }

  private void attempt(long id, long arrival, int sdkAttempt, int streamRetry) {
    long now = loop.now();
    if (account.starts.tryTake(now, 1)) {
      started(id, arrival, now);
      return;
    }
    account.throttles++;
    if (sdkAttempt < retries.sdkAttempts()) {
      double cap =
          Math.min(
              retries.backoffCapSeconds(),
              retries.backoffBaseSeconds() * Math.pow(2, sdkAttempt - 1));
      loop.after(
          EventLoop.seconds(random.nextDouble() * cap),
          () -> attempt(id, arrival, sdkAttempt + 1, streamRetry));
    } else if (streamRetry < retries.streamRetries()) {
      account.bill.lambda(1, retries.processSeconds(), retries.processMemoryMb());
      loop.after(
          EventLoop.seconds(retries.streamRetrySeconds()),
          () -> attempt(id, arrival, 1, streamRetry + 1));
    } else {
      deadLettered++;
    }
  }

  private void started(long id, long arrival, long now) {
    // the run's own writes and the router's ADD on a journey counter shard
    account.delays.record(
        arrival, account.standardRunStarted(shape.writeUnitsPerEntry() + 1, true));
    account.counters.write(now, id);
  }
}
