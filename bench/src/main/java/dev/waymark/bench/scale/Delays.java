package dev.waymark.bench.scale;

import java.util.Arrays;

/** Entry delays (arrival to first step), kept exactly so that percentiles are exact. */
public final class Delays {
  private long[] nanos = new long[1 << 16];
  private int count;
  private boolean sorted = true;
  private long lastAt = Long.MIN_VALUE;
  private long firstAt = Long.MAX_VALUE;

  /** An entry that arrived at {@code arrival} took its first step at {@code at}. */
  public void record(long arrival, long at) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = at - arrival;
    sorted = false;
    lastAt = Math.max(lastAt, at);
    firstAt = Math.min(firstAt, at);
  }

  public int count() {
    return count;
  }

  /** When the last recorded entry took its first step (simulation nanoseconds). */
  public long lastAt() {
    return lastAt;
  }

  public long firstAt() {
    return firstAt;
  }

  /** The {@code p}-th percentile (0–100) in seconds, nearest rank; 0 with no entries. */
  public double percentileSeconds(double p) {
    if (count == 0) {
      return 0;
    }
    if (!sorted) {
      Arrays.sort(nanos, 0, count);
      sorted = true;
    }
    int rank = (int) Math.ceil(p / 100.0 * count);
    return EventLoop.toSeconds(nanos[Math.min(count, Math.max(1, rank)) - 1]);
  }
}
