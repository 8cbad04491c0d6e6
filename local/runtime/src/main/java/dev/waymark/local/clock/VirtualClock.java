package dev.waymark.local.clock;

import dev.waymark.states.clock.ClockMode;
import dev.waymark.states.clock.EngineClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The local runtime's "now", as a {@link Clock} every function reads. It is a view of the States
 * Language executor's clock in manual mode, so the functions and the state machines share one time:
 * it stands still until advanced. An advance walks through every instant that falls due on the way,
 * in time order — the machines' timers (waits, time-outs, retries) and the {@link DueSource}s'
 * (scheduled functions) — setting the clock to that instant, firing what is due there and settling
 * (the stream drained, every execution idle: see {@link #settleWith}) before it looks for the next
 * one; so whatever that work sends or records carries its own instant. A 90-day wait passes in
 * milliseconds, and returns only once everything it caused is processed.
 */
public final class VirtualClock extends Clock {
  private final EngineClock engine;
  private final List<DueSource> sources = new CopyOnWriteArrayList<>();
  private final ReentrantLock advancing = new ReentrantLock();
  private volatile Runnable settle;
  private long instantsFired;
  private final long[] nanos = new long[3]; // looking up the next instant, firing, settling

  public VirtualClock(Instant start) {
    this.engine = new EngineClock(ClockMode.MANUAL, start);
    this.settle = () -> engine.awaitQuiescence(Duration.ofMinutes(5));
  }

  /** The executor's clock, which this one is a view of. */
  public EngineClock engineClock() {
    return engine;
  }

  @Override
  public Instant instant() {
    return engine.now();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException(
        "the virtual clock is UTC; convert with Instant.atZone");
  }

  /**
   * What "everything caused so far is processed" means (the runtime: the stream drained and every
   * execution idle); run after each instant of an advance. Default: the engine is idle.
   */
  public void settleWith(Runnable settled) {
    this.settle = settled;
  }

  /** Adds work that falls due on the clock (fired in time order with the engine's timers). */
  public void addDueSource(DueSource source) {
    sources.add(source);
  }

  /**
   * Moves the clock forward by {@code by}, instant by instant: see the class comment. Returns when
   * everything due up to the target has fired and settled. One advance at a time.
   */
  public Instant advance(Duration by) {
    return advance(by, settle);
  }

  /**
   * Moves the clock forward as {@link #advance} does, firing everything due in time order at its
   * own instant, but without waiting for what it caused to be processed: how the clock follows real
   * time, where processing runs beside the clock as it does on AWS (and a request that needs the
   * clock caught up is not kept waiting for the work of earlier ones).
   */
  public Instant advanceFollowing(Duration by) {
    return advance(by, () -> {});
  }

  private Instant advance(Duration by, Runnable settle) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward");
    }
    advancing.lock();
    try {
      Instant target = engine.now().plus(by);
      settle.run();
      Optional<Instant> next;
      long t0 = System.nanoTime();
      while ((next = nextDue()).isPresent() && !next.get().isAfter(target)) {
        long t1 = System.nanoTime();
        Instant at = next.get();
        engine.advanceTo(at); // the engine's timers of this instant fire; the clock stands here
        Instant now = engine.now();
        sources.forEach(s -> s.fireDue(now));
        long t2 = System.nanoTime();
        settle.run();
        long t3 = System.nanoTime();
        nanos[0] += t1 - t0;
        nanos[1] += t2 - t1;
        nanos[2] += t3 - t2;
        t0 = t3;
        instantsFired++;
      }
      engine.advanceTo(target);
      settle.run();
      return target;
    } finally {
      advancing.unlock();
    }
  }

  /** How many instants advances have stopped at so far (each fired and settled). */
  public long instantsFired() {
    advancing.lock();
    try {
      return instantsFired;
    } finally {
      advancing.unlock();
    }
  }

  /**
   * Where the advances' time went so far, in seconds: looking up the next instant, firing what is
   * due there (engine timers and scheduled functions), settling after it.
   */
  public double[] secondsSpent() {
    advancing.lock();
    try {
      return new double[] {nanos[0] / 1e9, nanos[1] / 1e9, nanos[2] / 1e9};
    } finally {
      advancing.unlock();
    }
  }

  /** The earliest instant anything is due at: an engine timer or a source's work. */
  private Optional<Instant> nextDue() {
    Optional<Instant> earliest = Optional.ofNullable(engine.nextDeadline());
    for (DueSource source : sources) {
      Optional<Instant> due = source.nextDue();
      if (due.isPresent() && (earliest.isEmpty() || due.get().isBefore(earliest.get()))) {
        earliest = due;
      }
    }
    return earliest;
  }
}
