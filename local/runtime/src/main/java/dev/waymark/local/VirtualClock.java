package dev.waymark.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The local runtime's "now": it stands still until advanced, so a 90-day wait passes in the time
 * it takes to call {@link #advance(Duration)}. Every function of the local runtime reads this clock.
 * Listeners hear each advance (schedules and state machines fire what fell due).
 */
public final class VirtualClock extends Clock {
  private final AtomicReference<Instant> now;
  private final List<Consumer<Instant>> listeners = new CopyOnWriteArrayList<>();

  public VirtualClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the virtual clock is UTC; convert with Instant.atZone");
  }

  public Instant advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward");
    }
    Instant next = now.updateAndGet(t -> t.plus(by));
    listeners.forEach(l -> l.accept(next));
    return next;
  }

  public void onAdvance(Consumer<Instant> listener) {
    listeners.add(listener);
  }
}
