package dev.waymark.local.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes the virtual clock follow real time, so that events from analytics SDKs (which stamp
 * wall-clock time) land at the right moment of the local world. While following, the clock keeps a
 * fixed lead over the wall clock (zero when it started at "now"): before every request the runtime
 * serves, and once a second, it is advanced to {@code wall + lead}, firing whatever fell due on the
 * way. Freezing it (or advancing it by hand) stops that; {@link #follow} resumes with the lead the
 * clock has then.
 */
public final class ClockFollower implements AutoCloseable {
  private final VirtualClock clock;
  private final Clock wall;
  private final ScheduledExecutorService ticker;
  private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();

  /** Held while the clock is changed through this follower (see {@link #catchUp}). */
  private final ReentrantLock lock = new ReentrantLock();

  private volatile Duration lead;

  /** Whether an advance by hand holds the lock (it may be waiting for a request's work). */
  private volatile boolean handAdvancing;

  public ClockFollower(VirtualClock clock, Clock wall, boolean following) {
    // a clock that follows from the start is at "now": no lead, however it was rounded
    this(clock, wall, following ? Optional.of(Duration.ZERO) : Optional.empty());
  }

  /** Follows real time with the given lead, or stands still when there is none (a restart). */
  public ClockFollower(VirtualClock clock, Clock wall, Optional<Duration> lead) {
    this.clock = clock;
    this.wall = wall;
    this.lead = lead.orElse(null);
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("clock-follower").unstarted(r));
    ticker.scheduleWithFixedDelay(this::catchUpQuietly, 1, 1, TimeUnit.SECONDS);
  }

  public boolean following() {
    return lead != null;
  }

  /** The lead over real time while following; empty while the clock stands still. */
  public Optional<Duration> lead() {
    return Optional.ofNullable(lead);
  }

  /**
   * Hears every change: of mode (freeze, follow) and of time (advance by hand, catching up), after
   * it happened, while this follower's lock is held (so listeners see the changes in order).
   */
  public void onChange(Runnable listener) {
    changeListeners.add(listener);
  }

  /** Stops following: the clock stands still until advanced. */
  public void freeze() {
    locked(
        () -> {
          lead = null;
          changed();
        });
  }

  /** Follows real time from now on, keeping the clock's current lead (or lag) over it. */
  public void follow() {
    locked(
        () -> {
          lead = Duration.between(wall.instant(), clock.instant());
          changed();
        });
  }

  /**
   * Advances by hand: the clock stops following (a test decides time from here on). Returns once
   * everything the advance caused is processed (see {@link VirtualClock#advance}).
   */
  public Instant advance(Duration by) {
    lock.lock();
    handAdvancing = true;
    try {
      lead = null;
      Instant now = clock.advance(by);
      changed();
      return now;
    } finally {
      handAdvancing = false;
      lock.unlock();
    }
  }

  private void locked(Runnable change) {
    lock.lock();
    try {
      change.run();
    } finally {
      lock.unlock();
    }
  }

  private void changed() {
    changeListeners.forEach(Runnable::run);
  }

  /**
   * While following, moves the clock up to {@code wall + lead}. Does nothing while another thread
   * changes the clock: that advance may be waiting for work which itself sends a request to the
   * runtime (a webhook to the local sink), and the request must not wait for the advance.
   */
  public void catchUp() {
    if (lead == null || !acquireUnlessAdvancingByHand()) {
      return;
    }
    try {
      Duration current = lead;
      if (current == null) {
        return;
      }
      Duration behind = Duration.between(clock.instant(), wall.instant().plus(current));
      if (behind.isPositive()) {
        clock.advanceFollowing(behind);
        changed();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes the lock, waiting while another catch-up (which does not wait for any request) holds it,
   * so that a request sees the clock caught up with real time; gives up while an advance by hand
   * holds it.
   */
  private boolean acquireUnlessAdvancingByHand() {
    try {
      while (!lock.tryLock(10, TimeUnit.MILLISECONDS)) {
        if (handAdvancing) {
          return false;
        }
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void catchUpQuietly() {
    try {
      catchUp();
    } catch (RuntimeException e) {
      System.err.println("local clock: could not catch up with real time: " + e);
    }
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
