package dev.waymark.core.segment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The re-checks that have fallen due: found by time bucket, never by scanning profiles. */
public interface SegmentDueChecks {

  /** One person's segment to re-check, and when it was due. */
  record DueCheck(String profileId, String segmentId, Instant dueAt) {}

  /**
   * Asks for the person's membership of a segment to be re-checked at {@code dueAt} (kept on the
   * membership too).
   */
  void schedule(String profileId, String segmentId, Instant dueAt);

  /** The checks of the hour of {@code at} (due by then), as the sweep of that hour runs them. */
  List<DueCheck> dueBy(Instant now);

  /**
   * The first hour at or after {@code from} whose sweep has checks to run, if any is known (a
   * scheduler runs that sweep instead of every hour's); by default every hour may have some.
   */
  default Optional<Instant> nextDueHour(Instant from) {
    return Optional.of(from);
  }

  /** Removes a check once done (unless it has since been re-scheduled for another time). */
  void done(DueCheck check);
}
