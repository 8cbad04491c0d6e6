package dev.waymark.core.journey.compile;

import dev.waymark.core.journey.Span;
import java.time.Duration;
import java.time.Period;
import java.util.OptionalLong;

/**
 * Journey lengths of time in ASL. A duration, or a period of days and weeks, has a fixed number of
 * seconds in UTC (where {@link Span#after} adds it). A period with months or years does not: it is
 * computed in JSONata from the moment the state is entered, with the same calendar arithmetic as
 * {@link Period#addTo} (months first, the day of month capped at the month's length, then days).
 */
final class Spans {
  private static final String ENTERED = "$states.context.State.EnteredTime";

  private Spans() {}

  /** The whole seconds of a fixed-length span (a part second rounds up); empty for months. */
  static OptionalLong seconds(Span span) {
    Duration duration = span.duration();
    if (duration != null) {
      return OptionalLong.of(duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0));
    }
    Period period = span.period();
    return period.toTotalMonths() == 0
        ? OptionalLong.of(period.getDays() * 86_400L)
        : OptionalLong.empty();
  }

  /** JSONata: the ISO instant {@code span} (with months) after the state was entered. */
  static String endExpression(Span span) {
    Period period = span.period();
    return "($t := "
        + ENTERED
        + "; $n := $number($substring($t, 0, 4)) * 12 + $number($substring($t, 5, 2)) - 1 + "
        + period.toTotalMonths()
        + "; $y := $floor($n / 12); $m := $n - $y * 12 + 1; "
        + "$last := [31, ($y % 4 = 0 and ($y % 100 != 0 or $y % 400 = 0)) ? 29 : 28, "
        + "31, 30, 31, 30, 31, 31, 30, 31, 30, 31][$m - 1]; "
        + "$fromMillis($toMillis($formatInteger($y, '0000') & '-' & $formatInteger($m, '00') & '-' & "
        + "$formatInteger($min([$number($substring($t, 8, 2)), $last]), '00') & $substring($t, 10)) + "
        + period.getDays()
        + " * 86400000, '[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01]Z'))";
  }

  /** JSONata: the seconds from entering the state to {@link #endExpression}. */
  static String secondsExpression(Span span) {
    return "$ceil(($toMillis(" + endExpression(span) + ") - $toMillis(" + ENTERED + ")) / 1000)";
  }
}
