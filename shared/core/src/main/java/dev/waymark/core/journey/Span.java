package dev.waymark.core.journey;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A length of time as journeys state it: an ISO-8601 duration ({@code PT12H}, {@code P30D}) or a
 * calendar period ({@code P1M}, {@code P2M}, {@code P1Y}), which is added in UTC.
 */
public record Span(String text, Duration duration, Period period) {

  public static Optional<Span> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Span(text, Duration.parse(text), null));
    } catch (DateTimeParseException notADuration) {
      try {
        return Optional.of(new Span(text, null, Period.parse(text)));
      } catch (DateTimeParseException notAPeriod) {
        return Optional.empty();
      }
    }
  }

  /**
   * Longer than zero, with no negative part ({@code P-1D}, {@code PT0S}, {@code P1M-1D} are not).
   */
  public boolean isPositive() {
    if (duration != null) {
      return duration.isPositive();
    }
    return !period.isZero()
        && period.getYears() >= 0
        && period.getMonths() >= 0
        && period.getDays() >= 0;
  }

  public Instant after(Instant start) {
    return duration != null
        ? start.plus(duration)
        : start.atZone(ZoneOffset.UTC).plus(period).toInstant();
  }

  public Instant before(Instant end) {
    return duration != null
        ? end.minus(duration)
        : end.atZone(ZoneOffset.UTC).minus(period).toInstant();
  }

  @Override
  public String toString() {
    return text;
  }
}
