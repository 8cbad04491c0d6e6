package dev.waymark.local.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
  private Duration lead;

  public ClockFollower(VirtualClock clock, Clock wall, boolean following) {
    this.clock = clock;
    this.wall = wall;
    // a clock that follows from the start is at "now": no lead, however it was rounded
    this.lead = following ? Duration.ZERO : null;
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("clock-follower").unstarted(r));
    ticker.scheduleWithFixedDelay(this::catchUpQuietly, 1, 1, TimeUnit.SECONDS);
  }

  public synchronized boolean following() {
    return lead != null;
  }

  /** Stops following: the clock stands still until advanced. */
  public synchronized void freeze() {
    lead = null;
  }

  /** Follows real time from now on, keeping the clock's current lead (or lag) over it. */
  public synchronized void follow() {
    lead = Duration.between(wall.instant(), clock.instant());
  }

  /** Advances by hand: the clock stops following (a test decides time from here on). */
  public synchronized Instant advance(Duration by) {
    lead = null;
    return clock.advance(by);
  }

  /** While following, moves the clock up to {@code wall + lead}. */
  public synchronized void catchUp() {
    if (lead == null) {
      return;
    }
    Duration behind = Duration.between(clock.instant(), wall.instant().plus(lead));
    if (behind.isPositive()) {
      clock.advance(behind);
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
