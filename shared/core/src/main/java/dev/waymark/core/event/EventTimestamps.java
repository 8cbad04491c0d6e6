package dev.waymark.core.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Event timestamps: ISO-8601 date-times with an offset ({@code Z} or {@code +01:00}). */
public final class EventTimestamps {
  private EventTimestamps() {}

  public static Instant parse(String text) {
    return OffsetDateTime.parse(text).toInstant();
  }

  public static Optional<Instant> tryParse(String text) {
    try {
      return Optional.of(parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
