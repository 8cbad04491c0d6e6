package dev.waymark.core.segment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Audience-schedule entries waiting for their hour: the run that opens a schedule's occurrence
 * window reads each member once and files an entry under the hour that is the occurrence in the
 * member's own time zone; the run of each hour then only reads that hour's entries.
 */
public interface AudienceDueEntries {

  /** A member's entry of one occurrence, due at {@code hour}. */
  record DueEntry(String scheduleId, String profileId, String entryKey, Instant hour) {}

  /** Files the entry under its hour (the same schedule and person again replaces it). */
  void schedule(DueEntry entry);

  /** Files many entries (an adapter may write them in batches). */
  default void scheduleAll(List<DueEntry> entries) {
    entries.forEach(this::schedule);
  }

  /** The entries of the hour of {@code hour}. */
  List<DueEntry> dueAt(Instant hour);

  /** Removes an entry once requested. */
  void done(DueEntry entry);

  /** Removes entries once requested (an adapter may batch them). */
  default void doneAll(List<DueEntry> entries) {
    entries.forEach(this::done);
  }

  /** The first hour at or after {@code from} that holds entries, if any. */
  Optional<Instant> nextDueHour(Instant from);
}
