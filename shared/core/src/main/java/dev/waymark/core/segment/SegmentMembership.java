package dev.waymark.core.segment;

import java.time.Instant;
import java.util.List;

/**
 * A person's standing in one segment: in or out, when they last entered and exited, when the answer
 * must next be re-checked as time passes ({@code dueAt}), the changes so far (newest last, the most
 * recent {@link #HISTORY_KEPT}), and a version every change is conditional on.
 */
public record SegmentMembership(
    String segmentId,
    boolean member,
    Instant enteredAt,
    Instant exitedAt,
    Instant dueAt,
    long version,
    List<Change> history) {
  public static final int HISTORY_KEPT = 50;

  /** One entry ({@code entered = true}) or exit. */
  public record Change(boolean entered, Instant at) {}

  public SegmentMembership {
    history = List.copyOf(history);
  }

  public static SegmentMembership none(String segmentId) {
    return new SegmentMembership(segmentId, false, null, null, null, 0, List.of());
  }

  /** The membership after entering or exiting at {@code at}. */
  public SegmentMembership changed(boolean entered, Instant at) {
    List<Change> next = new java.util.ArrayList<>(history);
    next.add(new Change(entered, at));
    if (next.size() > HISTORY_KEPT) {
      next = next.subList(next.size() - HISTORY_KEPT, next.size());
    }
    return new SegmentMembership(
        segmentId,
        entered,
        entered ? at : enteredAt,
        entered ? exitedAt : at,
        dueAt,
        version + 1,
        next);
  }

  /**
   * This person's standing after a merge brought in {@code merged} (the merged-away profile's
   * standing in the same segment): a member when either was (the survivor's entry time wins, else
   * the merged one's), the earlier re-check, both histories in time order (the most recent {@link
   * #HISTORY_KEPT}), one version past this one. Not an entry or exit: the combined profile is
   * evaluated afresh after the merge, and that records any change.
   */
  public SegmentMembership absorbing(SegmentMembership merged) {
    boolean in = member || merged.member;
    Instant entered =
        member ? enteredAt : merged.member ? merged.enteredAt : latest(enteredAt, merged.enteredAt);
    Instant exited = latest(exitedAt, merged.exitedAt);
    Instant due =
        dueAt == null
            ? merged.dueAt
            : merged.dueAt == null || dueAt.isBefore(merged.dueAt) ? dueAt : merged.dueAt;
    List<Change> both = new java.util.ArrayList<>(history);
    both.addAll(merged.history);
    both.sort(java.util.Comparator.comparing(Change::at));
    if (both.size() > HISTORY_KEPT) {
      both = both.subList(both.size() - HISTORY_KEPT, both.size());
    }
    return new SegmentMembership(segmentId, in, entered, exited, due, version + 1, both);
  }

  private static Instant latest(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }
}
