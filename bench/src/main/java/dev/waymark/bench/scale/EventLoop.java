package dev.waymark.bench.scale;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The discrete-event core: actions scheduled at simulated instants (nanoseconds) run in time order,
 * ties in the order they were scheduled, so a run is a pure function of its inputs and seed.
 * Nothing here reads a real clock.
 */
public final class EventLoop {
  /** One second in the loop's unit. */
  public static final long SECOND = 1_000_000_000L;

  private record Event(long at, long seq, Runnable action) {}

  private final PriorityQueue<Event> queue =
      new PriorityQueue<>(Comparator.comparingLong(Event::at).thenComparingLong(Event::seq));
  private long now;
  private long seq;
  private long processed;

  public long now() {
    return now;
  }

  /** Events run so far (a measure of the simulation's own work). */
  public long processed() {
    return processed;
  }

  public void at(long time, Runnable action) {
    if (time < now) {
      throw new IllegalArgumentException("cannot schedule in the past: " + time + " < " + now);
    }
    queue.add(new Event(time, seq++, action));
  }

  public void after(long delay, Runnable action) {
    at(now + delay, action);
  }

  /** Runs every event due at or before {@code end}; later ones stay queued. */
  public void runUntil(long end) {
    while (!queue.isEmpty() && queue.peek().at() <= end) {
      Event event = queue.poll();
      now = event.at();
      processed++;
      event.action().run();
    }
  }

  public boolean idle() {
    return queue.isEmpty();
  }

  public static long seconds(double s) {
    return Math.round(s * SECOND);
  }

  public static double toSeconds(long nanos) {
    return nanos / (double) SECOND;
  }
}
