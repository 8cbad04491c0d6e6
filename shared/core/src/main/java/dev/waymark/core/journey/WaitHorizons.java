package dev.waymark.core.journey;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a stream batch read about its people's waits before it ran ({@link
 * JourneyStore#waitHorizons}): per person, the latest expiry of the waits registered for each event
 * name. An event can resume a wait only at or before its expiry, so a person read ahead with no
 * expiry for an event's name at or after its time has no wait it could resume: the router does not
 * query. A person not read ahead, or forgotten (a merge joined records into theirs), is asked of
 * the store as before. A wait registered after the batch read its people counts for the events of
 * later batches.
 */
final class WaitHorizons {
  /** Nothing read ahead: every person's waits are asked of the store. */
  static final WaitHorizons NONE = new WaitHorizons(Map.of());

  private final Map<String, Map<String, Instant>> read;

  WaitHorizons(Map<String, Map<String, Instant>> read) {
    this.read = new ConcurrentHashMap<>(read);
  }

  /** False only when the person was read ahead and no wait for this event can still be open. */
  boolean mayHaveWaits(String profileId, String eventName, Instant eventTime) {
    Map<String, Instant> expiries = read.get(profileId);
    if (expiries == null) {
      return true;
    }
    Instant latest = expiries.get(eventName);
    return latest != null && !eventTime.isAfter(latest);
  }

  /** What was read for this person no longer holds (records of another profile joined theirs). */
  void forget(String profileId) {
    if (!read.isEmpty()) {
      read.remove(profileId);
    }
  }
}
