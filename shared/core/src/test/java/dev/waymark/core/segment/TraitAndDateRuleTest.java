package dev.waymark.core.segment;

import static dev.waymark.core.segment.RuleFixtures.context;
import static dev.waymark.core.segment.RuleFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraitAndDateRuleTest {
  static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "equals: overdue          | {\"s\":\"overdue\"} | true",
        "equals: overdue          | {\"s\":\"paid\"}    | false",
        "notEquals: overdue       | {\"s\":\"paid\"}    | true",
        "notEquals: overdue       | {}                  | true",
        "greaterThan: 10          | {\"s\":11}          | true",
        "greaterThan: 10          | {\"s\":10}          | false",
        "lessThan: 10             | {\"s\":9.5}         | true",
        "lessThan: 10             | {\"s\":10}          | false",
        "exists: true             | {\"s\":\"x\"}       | true",
        "exists: true             | {}                  | false",
        "exists: false            | {}                  | true",
        "in: [gold, silver]       | {\"s\":\"gold\"}    | true",
        "in: [gold, silver]       | {\"s\":\"bronze\"}  | false",
        "contains: Model          | {\"s\":\"E-V Model\"} | true",
        "contains: Model          | {\"s\":\"E-V\"}     | false",
        "contains: ev             | {\"s\":[\"suv\",\"ev\"]} | true",
        "startsWith: E-           | {\"s\":\"E-V\"}     | true",
      })
  void traitComparisons(String op, String traits, boolean expected) {
    assertThat(rule("trait: s\n" + op).test(context(traits, NOW))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "2026-11-24, true", // today
    "2027-02-22, true", // exactly 90 days ahead
    "2027-02-23, false", // 91 days ahead
    "2026-11-23, false", // yesterday
  })
  void leaseEndWithinNext90Days(String leaseEnd, boolean expected) {
    Rule rule = rule("trait: leaseEnd\nwithinNextDays: 90");
    assertThat(rule.test(context("{\"leaseEnd\":\"" + leaseEnd + "\"}", NOW))).isEqualTo(expected);
  }

  @Test
  void datesCountInThePersonsTimeZone() {
    Rule rule = rule("trait: leaseEnd\nwithinNextDays: 90");
    // 2026-11-24T12:00Z is already 2026-11-25 in Auckland (UTC+13): 2027-02-22 is then 89 days
    // ahead...
    assertThat(
            rule.test(
                context("{\"leaseEnd\":\"2027-02-23\",\"timeZone\":\"Pacific/Auckland\"}", NOW)))
        .isTrue();
    // ...and in Los Angeles it is still 2026-11-24, so 2027-02-23 is 91 days ahead.
    assertThat(
            rule.test(
                context("{\"leaseEnd\":\"2027-02-23\",\"timeZone\":\"America/Los_Angeles\"}", NOW)))
        .isFalse();
    // an unknown zone falls back to UTC
    assertThat(
            rule.test(context("{\"leaseEnd\":\"2027-02-23\",\"timeZone\":\"Mars/Olympus\"}", NOW)))
        .isFalse();
  }

  @Test
  void aDateRuleNamesTheMomentItFlipsAtLocalMidnight() {
    Rule rule = rule("trait: leaseEnd\nwithinNextDays: 90");
    SegmentContext before =
        context("{\"leaseEnd\":\"2027-02-23\",\"timeZone\":\"America/New_York\"}", NOW);
    // enters when 2026-11-25 begins in New York (05:00 UTC)
    assertThat(rule.nextChange(before)).contains(Instant.parse("2026-11-25T05:00:00Z"));
    SegmentContext inside = context("{\"leaseEnd\":\"2026-12-01\"}", NOW);
    // leaves when the day after the lease end begins
    assertThat(rule.nextChange(inside)).contains(Instant.parse("2026-12-02T00:00:00Z"));
    assertThat(
            rule.test(
                context("{\"leaseEnd\":\"2026-12-01\"}", Instant.parse("2026-12-01T23:59:59Z"))))
        .isTrue();
    assertThat(
            rule.test(
                context("{\"leaseEnd\":\"2026-12-01\"}", Instant.parse("2026-12-02T00:00:00Z"))))
        .isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "2026-11-14, true", // 10 days ago
    "2026-11-04, true", // exactly 20 days ago
    "2026-11-03, false", // 21 days ago
    "2026-11-25, false", // tomorrow
  })
  void withinLastDays(String date, boolean expected) {
    assertThat(rule("trait: d\nwithinLastDays: 20").test(context("{\"d\":\"" + date + "\"}", NOW)))
        .isEqualTo(expected);
  }

  @Test
  void moreThanDaysAgoNeedsMoreThanNDays() {
    Rule rule = rule("trait: d\nmoreThanDaysAgo: 60");
    assertThat(rule.test(context("{\"d\":\"2026-09-25\"}", NOW))).isFalse(); // 60 days ago
    assertThat(rule.test(context("{\"d\":\"2026-09-24\"}", NOW))).isTrue(); // 61 days ago
    assertThat(rule.nextChange(context("{\"d\":\"2026-09-25\"}", NOW)))
        .contains(Instant.parse("2026-11-25T00:00:00Z"));
  }

  @Test
  void timestampTraitsCompareWithNowToTheSecond() {
    Rule rule = rule("trait: renewedAt\nwithinLastDays: 30");
    assertThat(rule.test(context("{\"renewedAt\":\"2026-10-25T12:00:00Z\"}", NOW)))
        .isTrue(); // exactly 30 days
    assertThat(rule.test(context("{\"renewedAt\":\"2026-10-25T11:59:59Z\"}", NOW))).isFalse();
    assertThat(rule.nextChange(context("{\"renewedAt\":\"2026-10-25T12:00:00Z\"}", NOW)))
        .contains(Instant.parse("2026-11-24T12:00:00.000000001Z"));
    Rule ago = rule("trait: lastLogin\nmoreThanDaysAgo: 30");
    assertThat(ago.test(context("{\"lastLogin\":\"2026-10-25T12:00:00Z\"}", NOW))).isFalse();
    assertThat(ago.test(context("{\"lastLogin\":\"2026-10-25T11:59:59+00:00\"}", NOW))).isTrue();
  }

  @Test
  void aMissingOrUnreadableDateIsNeverIn() {
    Rule rule = rule("trait: leaseEnd\nwithinNextDays: 90");
    assertThat(rule.test(context("{}", NOW))).isFalse();
    assertThat(rule.test(context("{\"leaseEnd\":\"soon\"}", NOW))).isFalse();
    assertThat(rule.nextChange(context("{}", NOW))).isEmpty();
  }
}
