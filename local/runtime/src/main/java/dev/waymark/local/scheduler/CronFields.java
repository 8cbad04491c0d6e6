package dev.waymark.local.scheduler;

import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * An EventBridge Scheduler cron expression: {@code cron(minutes hours day-of-month month
 * day-of-week year)} with {@code *}, {@code ?}, lists, ranges, steps, and month and weekday names
 * (weekdays 1-7 are SUN-SAT). {@code L}, {@code W} and {@code #} are not supported locally.
 */
record CronFields(
    BitSet minutes,
    BitSet hours,
    BitSet daysOfMonth,
    BitSet months,
    BitSet daysOfWeek,
    BitSet years) {
  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
  static final int FIRST_YEAR = 1970;

  static CronFields parse(String body) {
    String[] f = body.trim().split("\\s+");
    if (f.length != 6) {
      throw new IllegalArgumentException(
          "cron needs 6 fields (minutes hours day-of-month month day-of-week year): " + body);
    }
    return new CronFields(
        field(f[0], 0, 59, List.of(), 0),
        field(f[1], 0, 23, List.of(), 0),
        field(f[2], 1, 31, List.of(), 0),
        field(f[3], 1, 12, MONTHS, 1),
        field(f[4], 1, 7, DAYS, 1),
        field(f[5], FIRST_YEAR, 2199, List.of(), 0));
  }

  private static BitSet field(String text, int min, int max, List<String> names, int nameBase) {
    BitSet bits = new BitSet();
    if (text.equals("*") || text.equals("?")) {
      bits.set(min, max + 1);
      return bits;
    }
    for (String part : text.split(",")) {
      String range = part;
      int step = 1;
      if (part.contains("/")) {
        range = part.substring(0, part.indexOf('/'));
        step = Integer.parseInt(part.substring(part.indexOf('/') + 1));
      }
      int from;
      int to;
      if (range.equals("*")) {
        from = min;
        to = max;
      } else if (range.contains("-")) {
        from = value(range.substring(0, range.indexOf('-')), names, nameBase);
        to = value(range.substring(range.indexOf('-') + 1), names, nameBase);
      } else {
        from = value(range, names, nameBase);
        to = part.contains("/") ? max : from;
      }
      if (from < min || to > max || from > to || step < 1) {
        throw new IllegalArgumentException("cron field out of range: " + text);
      }
      for (int v = from; v <= to; v += step) {
        bits.set(v);
      }
    }
    return bits;
  }

  private static int value(String text, List<String> names, int nameBase) {
    int named = names.indexOf(text.toUpperCase(Locale.ROOT));
    return named >= 0 ? named + nameBase : Integer.parseInt(text);
  }

  boolean matchesDay(ZonedDateTime t) {
    int awsWeekday = t.getDayOfWeek().getValue() % 7 + 1; // SUN=1 ... SAT=7
    return months.get(t.getMonthValue())
        && daysOfMonth.get(t.getDayOfMonth())
        && daysOfWeek.get(awsWeekday);
  }
}
