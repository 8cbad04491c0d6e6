package dev.waymark.core.send;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The hours a message may arrive in the recipient's time zone (quiet hours are the rest). A window
 * whose end is before its start spans midnight.
 */
public record SendWindow(LocalTime from, LocalTime to) {
  public static final SendWindow DEFAULT = new SendWindow(LocalTime.of(8, 0), LocalTime.of(21, 0));
  public static final SendWindow ANY_TIME = new SendWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

  public boolean allows(Instant at, ZoneId zone) {
    if (from.equals(to)) {
      return true;
    }
    LocalTime local = at.atZone(zone).toLocalTime();
    return from.isBefore(to)
        ? !local.isBefore(from) && local.isBefore(to)
        : !local.isBefore(from) || local.isBefore(to);
  }

  /** The next moment the window opens after {@code at} (for a deferred send). */
  public Instant nextOpening(Instant at, ZoneId zone) {
    ZonedDateTime local = at.atZone(zone);
    ZonedDateTime today = local.toLocalDate().atTime(from).atZone(zone);
    return (today.isAfter(local) ? today : today.plusDays(1)).toInstant();
  }
}
