package dev.waymark.bench.scale;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Entries offered at a Poisson rate for a while, the rate multiplied by {@code burstFactor} during
 * a burst window (a flash sale, a campaign e-mail everyone clicks at once).
 */
public record Load(
    String name,
    double perSecond,
    double seconds,
    double burstFactor,
    double burstFromSecond,
    double burstSeconds) {

  public static Load steady(String name, double perSecond, double seconds) {
    return new Load(name, perSecond, seconds, 1, 0, 0);
  }

  private double rateAt(double second) {
    boolean inBurst = second >= burstFromSecond && second < burstFromSecond + burstSeconds;
    return inBurst ? perSecond * burstFactor : perSecond;
  }

  /**
   * Schedules every arrival on {@code loop}; each calls {@code onArrival} with the entry's number
   * (0, 1, 2, ...) at its arrival instant.
   */
  public void schedule(EventLoop loop, SplittableRandom random, LongConsumer onArrival) {
    new Object() {
      long next;

      void arriveAt(long at) {
        if (at >= EventLoop.seconds(seconds)) {
          return;
        }
        loop.at(
            at,
            () -> {
              onArrival.accept(next++);
              double rate = rateAt(EventLoop.toSeconds(at));
              double gap = -Math.log(1 - random.nextDouble()) / rate;
              arriveAt(at + Math.max(1, EventLoop.seconds(gap)));
            });
      }
    }.arriveAt(0);
  }
}
