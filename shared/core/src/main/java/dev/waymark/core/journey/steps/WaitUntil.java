package dev.waymark.core.journey.steps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.journey.FieldFilter;
import dev.waymark.core.journey.Span;
import dev.waymark.core.journey.language.Step;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When a {@code wait ... until} ends, in the person's time zone. Pure: the answer depends only on
 * the arguments.
 *
 * <ul>
 *   <li>{@code instant}: that instant.
 *   <li>{@code timeOfDay} alone: the next time the person's clock shows it (now, if it shows it
 *       now). A time that does not exist that day (skipped by a DST change) is moved forward by the
 *       gap; one that exists twice (clocks turned back) is the earlier.
 *   <li>{@code date} ({@code traits.<x>} or {@code entry.properties.<x>}, an ISO date or instant)
 *       plus {@code offset}, at {@code timeOfDay} when given: a date is read as a day in the
 *       person's zone (its start, or its {@code timeOfDay}); an instant as that instant, moved to
 *       {@code timeOfDay} on its local day when given. A period offset ({@code -P1D}, {@code P1M})
 *       and a duration of whole days move the calendar day (so 09:00 stays 09:00 across a DST
 *       change); any other duration is added as elapsed time.
 * </ul>
 *
 * An instant in the past is returned as is (the Wait state then passes at once). Empty when the
 * date field is missing or is not a date.
 */
public final class WaitUntil {
  private WaitUntil() {}

  public static Optional<Instant> at(
      Step.Until until, Instant now, ZoneId zone, JsonNode traits, JsonNode entry) {
    if (until.instant().isPresent()) {
      return until.instant();
    }
    if (until.date().isEmpty()) {
      LocalTime time = until.timeOfDay().orElse(LocalTime.MIDNIGHT);
      ZonedDateTime local = now.atZone(zone);
      ZonedDateTime today = ZonedDateTime.of(local.toLocalDate(), time, zone);
      ZonedDateTime next =
          today.toInstant().isBefore(now)
              ? ZonedDateTime.of(local.toLocalDate().plusDays(1), time, zone)
              : today;
      return Optional.of(next.toInstant());
    }
    return dateField(until.date().get(), traits, entry)
        .flatMap(value -> base(value, until.timeOfDay(), zone))
        .map(base -> shifted(base, until.offset(), until.timeOfDay()).toInstant());
  }

  /**
   * The field's text: {@code traits.<x>} of the profile, {@code entry.<path>} of the entry event.
   */
  static Optional<String> dateField(String field, JsonNode traits, JsonNode entry) {
    JsonNode node;
    if (field.startsWith("traits.")) {
      node = FieldFilter.resolve(traits, field.substring("traits.".length()));
    } else if (field.startsWith("entry.")) {
      node = FieldFilter.resolve(entry, field.substring("entry.".length()));
    } else {
      return Optional.empty();
    }
    return node == null || !node.isTextual() ? Optional.empty() : Optional.of(node.asText());
  }

  private static Optional<ZonedDateTime> base(
      String value, Optional<LocalTime> timeOfDay, ZoneId zone) {
    try {
      LocalDate day = LocalDate.parse(value);
      return Optional.of(ZonedDateTime.of(day, timeOfDay.orElse(LocalTime.MIDNIGHT), zone));
    } catch (DateTimeParseException notADate) {
      try {
        return Optional.of(OffsetDateTime.parse(value).atZoneSameInstant(zone));
      } catch (DateTimeParseException notAnInstant) {
        return Optional.empty();
      }
    }
  }

  private static ZonedDateTime shifted(
      ZonedDateTime base, Optional<Span> offset, Optional<LocalTime> timeOfDay) {
    ZonedDateTime moved = base;
    if (offset.isPresent()) {
      Span span = offset.get();
      Duration d = span.duration();
      if (d == null) {
        moved = base.plus(span.period());
      } else if (d.toSeconds() % 86_400 == 0 && d.getNano() == 0) {
        moved = base.plusDays(d.toDays());
      } else {
        moved = base.plus(d);
      }
    }
    if (timeOfDay.isPresent() && !moved.toLocalTime().equals(timeOfDay.get())) {
      moved = ZonedDateTime.of(moved.toLocalDate(), timeOfDay.get(), moved.getZone());
    }
    return moved;
  }
}
