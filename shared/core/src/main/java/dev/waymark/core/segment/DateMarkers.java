package dev.waymark.core.segment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Set;

/**
 * A sparse index of date traits (leaseEnd, warrantyEnd, birthday...): who has which date, queried
 * by date or by anniversary (month and day), never by a scan. Beside it, the days some marker was
 * written for, with the time zones of the people marked and when the last mark was made: the local
 * scheduler's hint of when a date trigger next has work.
 */
public interface DateMarkers {

  /**
   * A day some marker was written for: a date ({@link LocalDate}) or an anniversary ({@link
   * MonthDay}); the zones of the people marked on it ("" for the default zone) and the instant of
   * the last mark. Markers since moved or removed still count (a run then finds nobody).
   */
  record MarkedDay<D>(D day, Set<String> zones, Instant lastMarked) {}

  /**
   * Records the person's date for a trait (as a date and as an anniversary), with their time zone
   * ("" for the default) and the instant of the change; a null date removes both markers.
   * Idempotent.
   */
  void mark(String profileId, String trait, LocalDate date, String zone, Instant at);

  /** The traits the person has markers for. */
  Set<String> markedTraits(String profileId);

  /** Every profile whose trait falls on {@code date}. */
  List<String> profilesOn(String trait, LocalDate date);

  /** Every profile whose trait has its anniversary on {@code day} (any year). */
  List<String> profilesOnAnniversary(String trait, MonthDay day);

  /**
   * The marked dates of a trait on or after {@code from}, earliest first, at most {@code limit}.
   */
  List<MarkedDay<LocalDate>> markedDates(String trait, LocalDate from, int limit);

  /** Every marked anniversary of a trait (at most 366). */
  List<MarkedDay<MonthDay>> markedAnniversaries(String trait);
}
