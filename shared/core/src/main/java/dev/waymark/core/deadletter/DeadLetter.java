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

  /**
   * The longest messageId a dead letter can have: an API event's is at most 100 characters,
   * Waymark's own (segment changes, lease scans) a little more; well under DynamoDB's key limit.
   */
  public static final int MAX_MESSAGE_ID = 300;

  /** Whether a string can be a dead letter's messageId (length, no control or lone surrogates). */
  public static boolean plausibleMessageId(String id) {
    if (id == null || id.isEmpty() || id.length() > MAX_MESSAGE_ID) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isISOControl(c)) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= id.length() || !Character.isLowSurrogate(id.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

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
