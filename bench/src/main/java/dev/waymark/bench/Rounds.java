package dev.waymark.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What every benchmark does with its rounds: timed passes that last seconds (so that one GC pause
 * or one scheduling hiccup cannot decide a figure), warm-up until the figure stops improving, and
 * the spread (min / median / max) of the rounds, printed beside the median.
 */
public final class Rounds {
  private Rounds() {}

  /** One unit of work a timed pass repeats (an execution, a batch of events...). */
  interface Work {
    void once() throws Exception;
  }

  /** Something that runs a timed pass of at least the seconds given. */
  interface Timed {
    Pass pass(double seconds) throws Exception;
  }

  /** A timed pass: how many times the work ran and how long that took. */
  record Pass(long count, double seconds) {
    double perSecond() {
      return count / seconds;
    }
  }

  /** The spread of a figure over rounds. */
  public record Spread(double min, double median, double max) {
    public String format(String numberFormat) {
      return String.format(
          Locale.ROOT,
          numberFormat + " (min " + numberFormat + ", max " + numberFormat + ")",
          median,
          min,
          max);
    }

    /** How far apart the extremes are, relative to the median. */
    double relativeRange() {
      return (max - min) / median;
    }
  }

  /** Runs {@code work} again and again until at least {@code seconds} have passed. */
  static Pass timed(double seconds, Work work) throws Exception {
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    long count = 0;
    long now;
    do {
      work.once();
      count++;
      now = System.nanoTime();
    } while (now < end);
    return new Pass(count, (now - start) / 1e9);
  }

  /**
   * Timed passes until the rate stops improving: a pass no more than 5% faster than the best before
   * it, at least {@code min} passes and at most {@code max}. Returns the passes run.
   */
  static int warmUntilSteady(double seconds, int min, int max, Timed timed) throws Exception {
    double best = 0;
    for (int i = 1; i <= max; i++) {
      double rate = timed.pass(seconds).perSecond();
      boolean improving = rate > best * 1.05;
      best = Math.max(best, rate);
      if (i >= min && !improving) {
        return i;
      }
    }
    return max;
  }

  public static Spread spread(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    return new Spread(sorted.getFirst(), median(sorted), sorted.getLast());
  }

  /** The median of sorted values (the mean of the middle two for an even count). */
  static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** The nearest-rank percentile {@code p} (0–100) of sorted values. */
  static double percentile(List<Double> sorted, double p) {
    int rank = (int) Math.ceil(p / 100 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  /** Element-wise {@code a[i] / b[i]}: the ratio of each round, both measured side by side. */
  public static List<Double> ratios(List<Double> a, List<Double> b) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      out.add(a.get(i) / b.get(i));
    }
    return out;
  }
}
