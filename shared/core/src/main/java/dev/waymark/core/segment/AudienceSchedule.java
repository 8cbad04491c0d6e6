package dev.waymark.core.segment;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * "Every {@code day} at {@code at}, everyone in {@code segment} enters {@code journey}" — in the
 * recipient's own time zone (the default) or a fixed one. Runs hourly, so {@code at} is honoured to
 * the hour in each person's zone. The entry key is the schedule id and the local date, so each
 * person is asked to enter once per occurrence however often the run repeats.
 */
public record AudienceSchedule(String id, String segmentId, String journeyId, DayOfWeek day, LocalTime at,
    Optional<ZoneId> fixedZone) {

  /** The entry key for a person whose zone is {@code zone}, if this hour is their occurrence. */
  public Optional<String> occurrence(Instant hour, ZoneId zone) {
    ZonedDateTime local = hour.atZone(zone);
    if (local.getDayOfWeek() != day || local.getHour() != at.getHour()) {
      return Optional.empty();
    }
    return Optional.of(id + ":" + local.toLocalDate());
  }
}
