package dev.waymark.core.segment;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * The hours of the occurrence window that opens at {@code hour} (the consecutive hours that may
   * be the occurrence for someone, the first of which is {@code hour}); empty when no window opens
   * then.
   */
  public List<Instant> windowOpeningAt(Instant hour) {
    if (!mayOccur(hour) || mayOccur(hour.minus(Duration.ofHours(1)))) {
      return List.of();
    }
    return hoursFrom(hour);
  }

  /** The consecutive hours from {@code hour} on that may be the occurrence for someone. */
  public List<Instant> hoursFrom(Instant hour) {
    List<Instant> hours = new ArrayList<>();
    for (Instant h = hour; mayOccur(h); h = h.plus(Duration.ofHours(1))) {
      hours.add(h);
    }
    return hours;
  }

  /**
   * The first hour at or after {@code from} (rounded up to the hour) at which an occurrence window
   * opens; weekly schedules open one within eight days.
   */
  public Instant nextWindowOpening(Instant from) {
    Instant hour = from.truncatedTo(ChronoUnit.HOURS);
    Instant h = hour.equals(from) ? hour : hour.plus(Duration.ofHours(1));
    Instant last = h.plus(Duration.ofDays(8));
    while (h.isBefore(last) && (!mayOccur(h) || mayOccur(h.minus(Duration.ofHours(1))))) {
      h = h.plus(Duration.ofHours(1));
    }
    return h;
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
