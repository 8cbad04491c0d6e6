package dev.waymark.core.deadletter;

import java.time.Instant;
import java.util.Optional;

/**
 * An event processing gave up on: its messageId (the event itself stays in the inbox), why the last
 * attempt failed (plain words, never payload), how many attempts failed, and what became of it
 * since.
 *
 * @param replays how many times an operator asked to replay it
 * @param resolvedAt when a replay processed it (or found it erased)
 */
public record DeadLetter(
    String messageId,
    Status status,
    String reason,
    int attempts,
    Instant failedAt,
    int replays,
    Optional<Instant> resolvedAt) {

  /** What became of a dead letter. */
  public enum Status {
    /** set aside after the retries; waits for a replay */
    FAILED,
    /** a replay is asked for and not processed yet */
    REPLAYING,
    /** a replay processed it: it is on its profile's timeline */
    PROCESSED,
    /** the event is no longer stored (erased, or past the de-duplication window) */
    GONE;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Status> fromWire(String value) {
      for (Status s : values()) {
        if (s.wireName().equals(value)) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }
  }
}
