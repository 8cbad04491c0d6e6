package dev.waymark.core.segment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One-time wake-ups at a person-specific time (beyond what a journey's Wait state should hold).
 * Named deterministically from (person, key): setting the same timer twice is one timer, and
 * cancelling one that does not exist is not an error.
 */
public interface Timers {

  /** Fires {@code payload} (with profileId and key added) at {@code at}. */
  void set(String profileId, String key, Instant at, ObjectNode payload);

  void cancel(String profileId, String key);

  /** Cancels every timer of the person (erasure calls this). Returns how many were cancelled. */
  int cancelAll(String profileId);
}
