package dev.waymark.states.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The single source of time for the engine, and the scheduler that knows when engine work is idle.
 *
 * <p>Every engine thread is started with {@link #spawn} and every blocking wait goes through {@link
 * #await}, so the clock knows exactly how many engine threads can still run. In {@link
 * ClockMode#SKIP} mode virtual time jumps to the earliest pending deadline as soon as that count
 * reaches zero; in {@link ClockMode#MANUAL} mode it moves only through {@link #advance}/{@link
 * #advanceTo}, which fire due timers in time order and let the engine run to quiescence in between.
 *
 * <p>State read by {@code await} conditions must be changed inside {@link #update} so waiters are
 * re-checked.
 */
public final class EngineClock {
  private final ClockMode mode;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Set<Waiter> waiters = new LinkedHashSet<>();

  /** The clock whose engine work the current thread is doing (null on host threads). */
  private static final ThreadLocal<EngineClock> ENGINE_THREAD = new ThreadLocal<>();

  private Instant virtualNow;
  private int active;

  /** Counts every start of engine work (spawn, host work, a waiter woken): see {@link #work}. */
  private long work;

  private static final class Waiter {
    final BooleanSupplier condition;
    final Instant deadline;

    /** Engine threads count as active while running; host threads waiting on the clock do not. */
    final boolean counted;

    boolean woken;
    boolean byCondition;

    Waiter(BooleanSupplier condition, Instant deadline, boolean counted) {
      this.condition = condition;
      this.deadline = deadline;
      this.counted = counted;
    }

    void wake(EngineClock c, boolean bySignal) {
      woken = true;
      byCondition = bySignal;
      if (counted) {
        c.active++;
        c.work++;
      }
    }
  }

  public EngineClock(ClockMode mode) {
    this(mode, Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }

  public EngineClock(ClockMode mode, Instant start) {
    this.mode = mode;
    this.virtualNow = start;
  }

  public ClockMode mode() {
    return mode;
  }

  /** The current time: wall clock in REAL mode, virtual time otherwise. */
  public Instant now() {
    if (mode == ClockMode.REAL) {
      return Instant.now();
    }
    lock.lock();
    try {
      return virtualNow;
    } finally {
      lock.unlock();
    }
  }

  /** A {@link java.time.Clock} view (UTC) of this clock, for code that takes a standard Clock. */
  public java.time.Clock asJavaClock() {
    return new View(this, java.time.ZoneOffset.UTC);
  }

  /** java.time.Clock reading an EngineClock. */
  private static final class View extends java.time.Clock {
    private final EngineClock source;
    private final java.time.ZoneId zone;

    View(EngineClock source, java.time.ZoneId zone) {
      this.source = source;
      this.zone = zone;
    }

    @Override
    public java.time.ZoneId getZone() {
      return zone;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId newZone) {
      return new View(source, newZone);
    }

    @Override
    public Instant instant() {
      return source.now();
    }
  }

  /** Starts an engine thread that the idle detection accounts for. */
  public Thread spawn(String name, Runnable task) {
    lock.lock();
    try {
      active++;
      work++;
    } finally {
      lock.unlock();
    }
    return Thread.ofVirtual()
        .name(name)
        .start(
            () -> {
              ENGINE_THREAD.set(this);
              try {
                task.run();
              } finally {
                finishActive();
              }
            });
  }

  /**
   * Runs {@code work} on the calling (host) thread counted as engine activity, so virtual time
   * cannot skip while the host is still setting things up (e.g. starting an execution and its
   * timers).
   */
  public void asEngineWork(Runnable work) {
    lock.lock();
    try {
      active++;
      this.work++;
    } finally {
      lock.unlock();
    }
    EngineClock was = ENGINE_THREAD.get();
    ENGINE_THREAD.set(this);
    try {
      work.run();
    } finally {
      ENGINE_THREAD.set(was);
      finishActive();
    }
  }

  /** Applies a change to state that waiters observe, then re-checks every waiter. */
  public void update(Runnable mutation) {
    lock.lock();
    try {
      mutation.run();
      recheckWaiters();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Whether the calling thread was started by this clock's {@link #spawn} (or runs in {@link
   * #asEngineWork}).
   */
  public boolean isEngineThread() {
    return ENGINE_THREAD.get() == this;
  }

  /**
   * Blocks the calling thread until {@code condition} holds or {@code deadline} (may be null)
   * passes. Engine threads stop counting as active while they wait; host threads may wait too (they
   * are never counted).
   *
   * @return true when the condition held, false when the deadline passed
   */
  public boolean await(BooleanSupplier condition, Instant deadline) throws InterruptedException {
    lock.lock();
    try {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (deadline != null && !nowLocked().isBefore(deadline)) {
        return false;
      }
      Waiter w = new Waiter(condition, deadline, ENGINE_THREAD.get() == this);
      waiters.add(w);
      if (w.counted) {
        active--;
      }
      try {
        afterIdleCandidate();
        while (!w.woken) {
          waitStep(w);
        }
        return w.byCondition;
      } catch (InterruptedException e) {
        if (!w.woken) {
          w.wake(this, false);
        }
        throw e;
      } finally {
        waiters.remove(w);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Sleeps the calling engine thread until the given instant of engine time. */
  public void sleepUntil(Instant until) throws InterruptedException {
    await(() -> false, until);
  }

  public void sleep(Duration duration) throws InterruptedException {
    sleepUntil(now().plus(duration));
  }

  /** MANUAL (or SKIP) mode: moves virtual time forward by {@code d}, firing due timers in order. */
  public void advance(Duration d) {
    advanceTo(now().plus(d));
  }

  /**
   * MANUAL (or SKIP) mode: moves virtual time to {@code target}, running the engine to quiescence
   * per timer. Host threads only (it waits for engine work to settle).
   */
  public void advanceTo(Instant target) {
    if (mode == ClockMode.REAL) {
      throw new IllegalStateException("advance is not available on a REAL clock");
    }
    lock.lock();
    try {
      waitIdleLocked(Duration.ofMinutes(5));
      while (true) {
        Instant next = earliestDeadline();
        if (next == null || next.isAfter(target)) {
          break;
        }
        if (next.isAfter(virtualNow)) {
          virtualNow = next;
        }
        wakeDue();
        waitIdleLocked(Duration.ofMinutes(5));
      }
      if (target.isAfter(virtualNow)) {
        virtualNow = target;
      }
      wakeDue();
      waitIdleLocked(Duration.ofMinutes(5));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits (in real time, at most {@code timeout}) until no engine thread can run: every execution
   * has finished or waits for something external (a task token, a MANUAL-mode timer). Returns false
   * on timeout. Call it from host threads (tests, HTTP handlers), not from inside a Lambda handler,
   * which is itself engine work.
   */
  public boolean awaitQuiescence(Duration timeout) {
    lock.lock();
    try {
      return waitIdleLocked(timeout);
    } finally {
      lock.unlock();
    }
  }

  /**
   * How many times engine work has started so far (threads spawned, host work, waiters woken): a
   * host that saw the same count before and after a check, with nothing active, knows no engine
   * work ran in between (the local runtime's settle uses it).
   */
  public long workStarted() {
    lock.lock();
    try {
      return work;
    } finally {
      lock.unlock();
    }
  }

  /** Number of engine threads currently able to run (diagnostics). */
  public int activeCount() {
    lock.lock();
    try {
      return active;
    } finally {
      lock.unlock();
    }
  }

  /** The earliest pending timer, if any (diagnostics, MANUAL hosts). */
  public Instant nextDeadline() {
    lock.lock();
    try {
      return earliestDeadline();
    } finally {
      lock.unlock();
    }
  }

  // ---- internals (lock held) ----

  private Instant nowLocked() {
    return mode == ClockMode.REAL ? Instant.now() : virtualNow;
  }

  private void waitStep(Waiter w) throws InterruptedException {
    if (mode == ClockMode.REAL && w.deadline != null) {
      long nanos = Duration.between(Instant.now(), w.deadline).toNanos();
      if (nanos <= 0) {
        w.wake(this, w.condition.getAsBoolean());
        return;
      }
      changed.awaitNanos(Math.min(nanos, TimeUnit.SECONDS.toNanos(1)));
    } else {
      changed.await();
    }
  }

  private boolean waitIdleLocked(Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    try {
      while (!idle()) {
        long nanos = end - System.nanoTime();
        if (nanos <= 0) {
          return false;
        }
        changed.awaitNanos(Math.min(nanos, TimeUnit.MILLISECONDS.toNanos(200)));
        if (mode == ClockMode.REAL) {
          wakeDue();
        }
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private boolean idle() {
    if (active > 0) {
      return false;
    }
    return mode != ClockMode.SKIP || earliestDeadline() == null;
  }

  private void finishActive() {
    lock.lock();
    try {
      active--;
      afterIdleCandidate();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void afterIdleCandidate() {
    recheckWaiters();
    if (active == 0 && mode == ClockMode.SKIP) {
      Instant next = earliestDeadline();
      if (next != null) {
        if (next.isAfter(virtualNow)) {
          virtualNow = next;
        }
        wakeDue();
      }
    }
    changed.signalAll();
  }

  private void recheckWaiters() {
    boolean any = false;
    for (Waiter w : waiters) {
      if (!w.woken && w.condition.getAsBoolean()) {
        w.wake(this, true);
        any = true;
      }
    }
    if (any) {
      changed.signalAll();
    }
  }

  private void wakeDue() {
    Instant now = nowLocked();
    List<Waiter> due = new ArrayList<>();
    for (Waiter w : waiters) {
      if (!w.woken && w.deadline != null && !w.deadline.isAfter(now)) {
        due.add(w);
      }
    }
    for (Waiter w : due) {
      w.wake(this, w.condition.getAsBoolean());
    }
    changed.signalAll();
  }

  private Instant earliestDeadline() {
    Instant min = null;
    for (Waiter w : waiters) {
      if (!w.woken && w.deadline != null && (min == null || w.deadline.isBefore(min))) {
        min = w.deadline;
      }
    }
    return min;
  }
}
