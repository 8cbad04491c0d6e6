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
}
