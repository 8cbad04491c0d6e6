package dev.waymark.local.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ScheduleExpressionTest {
  static final Instant T = Instant.parse("2026-11-24T08:00:00Z"); // a Tuesday

  @Test
  void dailyCronInUtc() {
    ScheduleExpression daily = ScheduleExpression.parse("cron(5 0 * * ? *)", ZoneOffset.UTC, T);
    assertThat(daily.nextAfter(T)).contains(Instant.parse("2026-11-25T00:05:00Z"));
    assertThat(daily.nextAfter(Instant.parse("2026-11-25T00:05:00Z")))
        .contains(Instant.parse("2026-11-26T00:05:00Z"));
  }

  @Test
  void mondayNineInATimeZoneAcrossDaylightSaving() {
    ScheduleExpression monday =
        ScheduleExpression.parse("cron(0 9 ? * MON *)", ZoneId.of("Europe/Warsaw"), T);
    assertThat(monday.nextAfter(T)).contains(Instant.parse("2026-11-30T08:00:00Z")); // CET, UTC+1
    assertThat(monday.nextAfter(Instant.parse("2027-03-25T00:00:00Z")))
        .contains(Instant.parse("2027-03-29T07:00:00Z")); // CEST
    ScheduleExpression numbered =
        ScheduleExpression.parse("cron(0 9 ? * 2 *)", ZoneId.of("Europe/Warsaw"), T);
    assertThat(numbered.nextAfter(T)).isEqualTo(monday.nextAfter(T)); // 2 = MON (1 = SUN)
  }

  @Test
  void hourlyListsRangesAndSteps() {
    assertThat(ScheduleExpression.parse("cron(0 * * * ? *)", ZoneOffset.UTC, T).nextAfter(T))
        .contains(Instant.parse("2026-11-24T09:00:00Z"));
    assertThat(ScheduleExpression.parse("cron(15,45 8-9 * * ? *)", ZoneOffset.UTC, T).nextAfter(T))
        .contains(Instant.parse("2026-11-24T08:15:00Z"));
    assertThat(ScheduleExpression.parse("cron(0/20 * * * ? *)", ZoneOffset.UTC, T).nextAfter(T))
        .contains(Instant.parse("2026-11-24T08:20:00Z"));
    assertThat(ScheduleExpression.parse("cron(0 12 1 JAN ? 2028)", ZoneOffset.UTC, T).nextAfter(T))
        .contains(Instant.parse("2028-01-01T12:00:00Z"));
  }

  @Test
  void atFiresOnceAndRateRepeatsFromItsStart() {
    ScheduleExpression at =
        ScheduleExpression.parse("at(2026-12-01T10:30:00)", ZoneId.of("America/New_York"), T);
    assertThat(at.nextAfter(T)).contains(Instant.parse("2026-12-01T15:30:00Z"));
    assertThat(at.nextAfter(Instant.parse("2026-12-01T15:30:00Z"))).isEmpty();
    ScheduleExpression rate = ScheduleExpression.parse("rate(6 hours)", ZoneOffset.UTC, T);
    assertThat(rate.nextAfter(T)).contains(T.plusSeconds(6 * 3600));
    assertThat(rate.nextAfter(T.plusSeconds(6 * 3600))).contains(T.plusSeconds(12 * 3600));
  }

  @Test
  void malformedExpressionsAreRefused() {
    assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 9 * *)", ZoneOffset.UTC, T))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ScheduleExpression.parse("every day", ZoneOffset.UTC, T))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
