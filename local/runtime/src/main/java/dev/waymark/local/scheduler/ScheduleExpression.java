package dev.waymark.local.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * When a schedule fires: {@code at(...)} once, {@code rate(n unit)} repeatedly, {@code cron(...)}
 * by calendar.
 */
sealed interface ScheduleExpression {

  /** The first occurrence strictly after {@code after}, if any. */
  Optional<Instant> nextAfter(Instant after);

  static ScheduleExpression parse(String text, ZoneId zone, Instant anchor) {
    String t = text.trim();
    if (t.startsWith("at(") && t.endsWith(")")) {
      return new At(LocalDateTime.parse(t.substring(3, t.length() - 1)).atZone(zone).toInstant());
    }
    if (t.startsWith("rate(") && t.endsWith(")")) {
      String[] parts = t.substring(5, t.length() - 1).trim().split("\\s+");
      long n = Long.parseLong(parts[0]);
      Duration unit =
          switch (parts[1].replaceAll("s$", "")) {
            case "minute" -> Duration.ofMinutes(1);
            case "hour" -> Duration.ofHours(1);
            case "day" -> Duration.ofDays(1);
            default ->
                throw new IllegalArgumentException(
                    "rate unit must be minutes, hours or days: " + text);
          };
      return new Rate(anchor, unit.multipliedBy(n));
    }
    if (t.startsWith("cron(") && t.endsWith(")")) {
      return new Cron(CronFields.parse(t.substring(5, t.length() - 1)), zone);
    }
    throw new IllegalArgumentException("not an at(), rate() or cron() expression: " + text);
  }

  record At(Instant at) implements ScheduleExpression {
    @Override
    public Optional<Instant> nextAfter(Instant after) {
      return at.isAfter(after) ? Optional.of(at) : Optional.empty();
    }
  }

  record Rate(Instant anchor, Duration every) implements ScheduleExpression {
    @Override
    public Optional<Instant> nextAfter(Instant after) {
      if (after.isBefore(anchor)) {
        return Optional.of(anchor.plus(every));
      }
      long periods = Duration.between(anchor, after).dividedBy(every) + 1;
      return Optional.of(anchor.plus(every.multipliedBy(periods)));
    }
  }

  record Cron(CronFields fields, ZoneId zone) implements ScheduleExpression {
    @Override
    public Optional<Instant> nextAfter(Instant after) {
      ZonedDateTime t = after.atZone(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
      while (t.getYear() <= 2199) {
        if (!fields.years().get(t.getYear())) {
          t = t.withDayOfYear(1).truncatedTo(ChronoUnit.DAYS).plusYears(1);
        } else if (!fields.matchesDay(t)) {
          t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
        } else if (!fields.hours().get(t.getHour())) {
          t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
        } else if (!fields.minutes().get(t.getMinute())) {
          t = t.plusMinutes(1);
        } else {
          return Optional.of(t.toInstant());
        }
      }
      return Optional.empty();
    }
  }
}
