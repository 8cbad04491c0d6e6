package dev.waymark.core.secret;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The signing keys as a function sees them, read from their source (Secrets Manager when deployed,
 * the data folder locally) on first use — a function that never signs or checks a token never reads
 * them — and read again:
 *
 * <ul>
 *   <li>when they are older than {@code maxAge}, so a long-lived function signs with a rotated key
 *       soon after the rotation;
 *   <li>when a token names a key this copy does not know (another function may have read a rotated
 *       key already), at most once per {@code minReload}, so made-up key ids cannot make every
 *       request call the source.
 * </ul>
 */
public final class KeyRing {
  private final Supplier<SigningKeys> source;
  private final Clock clock;
  private final Duration minReload;
  private final Duration maxAge;
  private SigningKeys keys;
  private Instant loadedAt;

  public KeyRing(Supplier<SigningKeys> source, Clock clock, Duration minReload, Duration maxAge) {
    this.source = source;
    this.clock = clock;
    this.minReload = minReload;
    this.maxAge = maxAge;
  }

  /** Keys that never change (tests, and a runtime whose key lives as long as it does). */
  public static KeyRing fixed(SigningKeys keys) {
    Duration never = Duration.ofDays(365_000);
    return new KeyRing(() -> keys, Clock.systemUTC(), never, never);
  }

  public synchronized SigningKeys.Key current() {
    Instant now = clock.instant();
    if (keys == null || !now.isBefore(loadedAt.plus(maxAge))) {
      load(now);
    }
    return keys.current();
  }

  /** The accepted key with this id, reading the keys again if it is unknown (see above). */
  public synchronized Optional<SigningKeys.Key> find(String id) {
    Instant now = clock.instant();
    if (keys == null || !now.isBefore(loadedAt.plus(maxAge))) {
      load(now);
    }
    Optional<SigningKeys.Key> known = keys.find(id);
    if (known.isEmpty() && !now.isBefore(loadedAt.plus(minReload))) {
      load(now);
      return keys.find(id);
    }
    return known;
  }

  private void load(Instant now) {
    keys = source.get();
    loadedAt = now;
  }
}
