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
public record AudienceSchedule(
    String id,
    String segmentId,
    String journeyId,
    DayOfWeek day,
    LocalTime at,
    Optional<ZoneId> fixedZone) {

  /** UTC offsets people can live at (-12:00 to +14:00). */
  private static final int WEST = -12 * 60;

  private static final int EAST = 14 * 60;

  /**
   * Whether this hour can be the occurrence for anyone: in the schedule's fixed zone, or in some
   * time zone on Earth (a quarter-hour offset from -12:00 to +14:00) for recipient time zones.
   */
  public boolean mayOccur(Instant hour) {
    if (fixedZone.isPresent()) {
      return occurrence(hour, fixedZone.get()).isPresent();
    }
    for (int minutes = WEST; minutes <= EAST; minutes += 15) {
      if (occurrence(hour, java.time.ZoneOffset.ofTotalSeconds(minutes * 60)).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /** The entry key for a person whose zone is {@code zone}, if this hour is their occurrence. */
  public Optional<String> occurrence(Instant hour, ZoneId zone) {
    ZonedDateTime local = hour.atZone(zone);
    if (local.getDayOfWeek() != day || local.getHour() != at.getHour()) {
      return Optional.empty();
    }
    return Optional.of(id + ":" + local.toLocalDate());
  }
}
