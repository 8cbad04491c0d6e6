package dev.waymark.core.journey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A person's history with one journey: each entry (the time and the key of the event that caused it
 * — held-out entries included) and until when they are locked out. {@code version} makes every
 * change a compare-and-set; the entry keys make a replayed event's entry a no-op.
 */
public record Membership(
    String journeyId, String profileId, List<Entry> entries, Instant lockedUntil, long version) {

  /** One entry: when, and the key (messageId, or schedule occurrence) of what caused it. */
  public record Entry(Instant at, String key, EntryDecision decision) {}

  public Membership {
    entries = List.copyOf(entries);
  }

  public static Membership none(String journeyId, String profileId) {
    return new Membership(journeyId, profileId, List.of(), null, 0);
  }

  public boolean hasEntry(String key) {
    return entries.stream().anyMatch(e -> e.key().equals(key));
  }

  public Membership entered(Entry entry, Instant nextLockedUntil) {
    List<Entry> next = new ArrayList<>(entries);
    next.add(entry);
    return new Membership(journeyId, profileId, next, nextLockedUntil, version + 1);
  }
}
