package dev.waymark.local.clock;

import dev.waymark.states.clock.ClockMode;
import dev.waymark.states.clock.EngineClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The local runtime's "now", as a {@link Clock} every function reads. It is a view of the States
 * Language executor's clock in manual mode, so the functions and the state machines share one time:
 * it stands still until advanced, and advancing it fires the machines' timers (waits, time-outs,
 * retries) in order at their own times — a 90-day wait passes in milliseconds. Listeners hear each
 * advance (schedules fire what fell due).
 */
public final class VirtualClock extends Clock {
  private final EngineClock engine;
  private final List<Consumer<Instant>> listeners = new CopyOnWriteArrayList<>();

  public VirtualClock(Instant start) {
    this.engine = new EngineClock(ClockMode.MANUAL, start);
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

  public Instant advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward");
    }
    Instant target = engine.now().plus(by);
    engine.advanceTo(target);
    listeners.forEach(l -> l.accept(target));
    return target;
  }

  public void onAdvance(Consumer<Instant> listener) {
    listeners.add(listener);
  }
}
