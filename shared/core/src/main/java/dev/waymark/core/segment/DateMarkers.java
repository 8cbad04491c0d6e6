package dev.waymark.core.segment;

import java.time.LocalDate;
import java.util.List;

/** A sparse index of date traits (e.g. leaseEnd): who has which date, queried by date. */
public interface DateMarkers {

  /** Records the person's date for a trait; a null date removes the marker. Idempotent. */
  void mark(String profileId, String trait, LocalDate date);

  /** Every profile whose trait falls on {@code date}. */
  List<String> profilesOn(String trait, LocalDate date);
}
