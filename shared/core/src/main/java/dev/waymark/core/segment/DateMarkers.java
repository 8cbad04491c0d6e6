package dev.waymark.core.segment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A sparse index of date traits (e.g. leaseEnd): who has which date, queried by date. */
public interface DateMarkers {

  /** Records the person's date for a trait; a null date removes the marker. Idempotent. */
  void mark(String profileId, String trait, LocalDate date);

  /**
   * The first date on or after {@code from} that some profile's trait was marked with, if any is
   * known (markers since removed may still count: a scan of that day then finds nobody); by default
   * every day may have some.
   */
  default Optional<LocalDate> nextMarkedDate(String trait, LocalDate from) {
    return Optional.of(from);
  }

  /** Every profile whose trait falls on {@code date}. */
  List<String> profilesOn(String trait, LocalDate date);
}
