package dev.waymark.bench.scale;

/**
 * A token bucket as AWS describes its throttling: it starts full, refills continuously at a fixed
 * rate up to its size, and each call takes a token. Time is the simulation's, in nanoseconds, and
 * never goes backwards. Two ways to take tokens model the two ways Step Functions throttles:
 *
 * <ul>
 *   <li>{@link #tryTake}: an API call (StartExecution) is served or refused with a throttling
 *       error; the caller decides whether to retry.
 *   <li>{@link #reserve}: a throttled state transition is not refused but waits; the bucket goes
 *       into debt and the caller learns when its tokens are covered (first come, first served).
 * </ul>
 */
public final class TokenBucket {
  private static final double NANOS = 1e9;
  private final double size;
  private final double refillPerSecond;
  private double tokens;
  private long last;

  public TokenBucket(double size, double refillPerSecond) {
    if (!(size > 0) || !(refillPerSecond > 0)) {
      throw new IllegalArgumentException("a bucket needs a positive size and refill rate");
    }
    this.size = size;
    this.refillPerSecond = refillPerSecond;
    this.tokens = size;
  }

  public double size() {
    return size;
  }

  public double refillPerSecond() {
    return refillPerSecond;
  }

  /** The tokens held at {@code now} (negative while reservations are in debt). */
  public double tokens(long now) {
    refill(now);
    return tokens;
  }

  /** Takes {@code n} tokens if the bucket holds them; false (nothing taken) when throttled. */
  public boolean tryTake(long now, double n) {
    refill(now);
    if (tokens < n) {
      return false;
    }
    tokens -= n;
    return true;
  }

  /**
   * Takes {@code n} tokens whether or not they are there and answers the instant at which they are
   * covered: {@code now} when the bucket held them, later when it had to go into debt.
   */
  public long reserve(long now, double n) {
    refill(now);
    tokens -= n;
    if (tokens >= 0) {
      return now;
    }
    return now + nanosToCover(-tokens);
  }

  /**
   * The first instant at or after {@code now} at which {@link #tryTake} of {@code n} tokens
   * succeeds, taking nothing.
   */
  public long availableAt(long now, double n) {
    if (n > size) {
      throw new IllegalArgumentException("the bucket never holds " + n + " tokens");
    }
    refill(now);
    if (tokens >= n) {
      return now;
    }
    return now + nanosToCover(n - tokens);
  }

  private long nanosToCover(double missing) {
    // one nanosecond more than the exact figure, so that rounding never leaves it a hair short
    return (long) Math.ceil(missing / refillPerSecond * NANOS) + 1;
  }

  private void refill(long now) {
    if (now < last) {
      throw new IllegalArgumentException("time went backwards: " + now + " < " + last);
    }
    tokens = Math.min(size, tokens + (now - last) * refillPerSecond / NANOS);
    last = now;
  }
}
