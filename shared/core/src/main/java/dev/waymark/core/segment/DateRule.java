package dev.waymark.core.segment;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A date trait relative to now. A date ({@code 2027-02-22}) is compared with today in the person's
 * time zone; a timestamp with now. Windows include both ends: a lease ending in exactly 90 days is
 * within the next 90 days, one ending in 91 is not.
 */
public record DateRule(String trait, Op op, int days) implements Rule {

  public enum Op {
    WITHIN_NEXT_DAYS("withinNextDays"),
    WITHIN_LAST_DAYS("withinLastDays"),
    MORE_THAN_DAYS_AGO("moreThanDaysAgo");

    private final String key;

    Op(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  /** A window [from, to] (either end open when null) the value must lie in. */
  private record Window<T>(T from, T to) {}

  @Override
  public boolean test(SegmentContext context) {
    JsonNode value = context.trait(trait);
    Optional<LocalDate> date = date(value);
    if (date.isPresent()) {
      Window<LocalDate> w = dateWindow(context.today());
      LocalDate d = date.get();
      return (w.from == null || !d.isBefore(w.from)) && (w.to == null || !d.isAfter(w.to));
    }
    Optional<Instant> at = instant(value);
    if (at.isPresent()) {
      Window<Instant> w = instantWindow(context.now());
      Instant t = at.get();
      return (w.from == null || !t.isBefore(w.from)) && (w.to == null || !t.isAfter(w.to));
    }
    return false;
  }

  /** Which values of the trait qualify today: expressed as a window on the trait's date. */
  private Window<LocalDate> dateWindow(LocalDate today) {
    return switch (op) {
      case WITHIN_NEXT_DAYS -> new Window<>(today, today.plusDays(days));
      case WITHIN_LAST_DAYS -> new Window<>(today.minusDays(days), today);
      case MORE_THAN_DAYS_AGO -> new Window<>(null, today.minusDays(days + 1L));
    };
  }

  private Window<Instant> instantWindow(Instant now) {
    Duration span = Duration.ofDays(days);
    return switch (op) {
      case WITHIN_NEXT_DAYS -> new Window<>(now, now.plus(span));
      case WITHIN_LAST_DAYS -> new Window<>(now.minus(span), now);
      case MORE_THAN_DAYS_AGO -> new Window<>(null, now.minus(span).minusNanos(1));
    };
  }

  @Override
  public Optional<Instant> nextChange(SegmentContext context) {
    JsonNode value = context.trait(trait);
    Optional<LocalDate> date = date(value);
    if (date.isPresent()) {
      // the days on which the rule holds, as a window on "today"
      LocalDate d = date.get();
      LocalDate today = context.today();
      Window<LocalDate> holds =
          switch (op) {
            case WITHIN_NEXT_DAYS -> new Window<>(d.minusDays(days), d);
            case WITHIN_LAST_DAYS -> new Window<>(d, d.plusDays(days));
            case MORE_THAN_DAYS_AGO -> new Window<>(d.plusDays(days + 1L), null);
          };
      if (today.isBefore(holds.from)) {
        return Optional.of(context.startOf(holds.from));
      }
      return holds.to == null || today.isAfter(holds.to)
          ? Optional.empty()
          : Optional.of(context.startOf(holds.to.plusDays(1)));
    }
    Optional<Instant> at = instant(value);
    if (at.isEmpty()) {
      return Optional.empty();
    }
    Instant t = at.get();
    Duration span = Duration.ofDays(days);
    Window<Instant> holds =
        switch (op) {
          case WITHIN_NEXT_DAYS -> new Window<>(t.minus(span), t);
          case WITHIN_LAST_DAYS -> new Window<>(t, t.plus(span));
          case MORE_THAN_DAYS_AGO -> new Window<>(t.plus(span).plusNanos(1), null);
        };
    Instant now = context.now();
    if (now.isBefore(holds.from)) {
      return Optional.of(holds.from);
    }
    return holds.to == null || now.isAfter(holds.to)
        ? Optional.empty()
        : Optional.of(holds.to.plusNanos(1));
  }

  @Override
  public void collect(RuleDependencies dependencies) {
    dependencies.trait(trait);
    dependencies.timeDependent();
  }

  /** A plain ISO date ({@code yyyy-mm-dd}). */
  public static Optional<LocalDate> date(JsonNode value) {
    if (value == null || !value.isTextual() || value.asText().length() != 10) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value.asText()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** An ISO timestamp with an offset. */
  static Optional<Instant> instant(JsonNode value) {
    if (value == null || !value.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value.asText()).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
