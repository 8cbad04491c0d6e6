package dev.waymark.core.journey.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.journey.Span;
import dev.waymark.core.journey.language.Step;
import dev.waymark.core.json.Json;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Wait-until moments in the person's zone, across both DST changes of 2026 in Warsaw. */
class WaitUntilTest {
  static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
  static final ObjectNode NO_TRAITS = Json.object();
  static final ObjectNode NO_ENTRY = Json.object();

  static Step.Until timeOfDay(String time) {
    return new Step.Until(
        Optional.of(LocalTime.parse(time)), Optional.empty(), Optional.empty(), Optional.empty());
  }

  static Step.Until date(String field, String offset, String time) {
    return new Step.Until(
        Optional.ofNullable(time).map(LocalTime::parse),
        Optional.of(field),
        Span.parse(offset),
        Optional.empty());
  }

  static Instant at(Step.Until until, String now, ObjectNode traits, ObjectNode entry) {
    return WaitUntil.at(until, Instant.parse(now), WARSAW, traits, entry).orElseThrow();
  }

  @Test
  void theNextTimeOfDayIsTodayIfStillAheadElseTomorrow() {
    // 07:00 UTC is 08:00 in Warsaw in winter (CET, +01:00)
    assertThat(at(timeOfDay("09:00"), "2026-11-24T07:00:00Z", NO_TRAITS, NO_ENTRY))
        .isEqualTo("2026-11-24T08:00:00Z");
    assertThat(at(timeOfDay("09:00"), "2026-11-24T08:00:01Z", NO_TRAITS, NO_ENTRY))
        .isEqualTo("2026-11-25T08:00:00Z");
    // exactly now: the wait passes at once
    assertThat(at(timeOfDay("09:00"), "2026-11-24T08:00:00Z", NO_TRAITS, NO_ENTRY))
        .isEqualTo("2026-11-24T08:00:00Z");
  }

  @Test
  void nineOClockStaysNineOClockAcrossTheSpringAndAutumnChanges() {
    // Saturday 28 March 10:00 CET: the next 09:00 is Sunday 29 March, after clocks went forward
    assertThat(at(timeOfDay("09:00"), "2026-03-28T09:00:00Z", NO_TRAITS, NO_ENTRY))
        .isEqualTo("2026-03-29T07:00:00Z");
    // Saturday 24 October 10:00 CEST: Sunday 25 October 09:00 is CET again
    assertThat(at(timeOfDay("09:00"), "2026-10-24T08:00:00Z", NO_TRAITS, NO_ENTRY))
        .isEqualTo("2026-10-25T08:00:00Z");
  }

  @Test
  void aTimeSkippedByTheSpringChangeMovesForwardAndARepeatedOneIsTheEarlier() {
    // 02:30 does not exist on 29 March in Warsaw: 03:30 CEST (01:30 UTC)
    assertThat(at(timeOfDay("02:30"), "2026-03-28T22:00:00Z", NO_TRAITS, NO_ENTRY))
        .isEqualTo("2026-03-29T01:30:00Z");
    // 02:30 happens twice on 25 October: the first (CEST, 00:30 UTC)
    assertThat(at(timeOfDay("02:30"), "2026-10-24T22:00:00Z", NO_TRAITS, NO_ENTRY))
        .isEqualTo("2026-10-25T00:30:00Z");
  }

  @Test
  void aDateTraitMinusADayAtNineIsNineOnTheLocalCalendarEvenOverTheChange() {
    ObjectNode traits = Json.object().put("leaseEnd", "2026-03-30");
    // the day before is 29 March (the change day): 09:00 CEST = 07:00 UTC
    assertThat(
            at(date("traits.leaseEnd", "-P1D", "09:00"), "2026-01-01T00:00:00Z", traits, NO_ENTRY))
        .isEqualTo("2026-03-29T07:00:00Z");
    // a duration of whole days moves the calendar day too
    assertThat(
            at(
                date("traits.leaseEnd", "-PT48H", "09:00"),
                "2026-01-01T00:00:00Z",
                traits,
                NO_ENTRY))
        .isEqualTo("2026-03-28T08:00:00Z");
    // ninety days before, no time of day: the start of that day in Warsaw
    assertThat(at(date("traits.leaseEnd", "-P90D", null), "2026-01-01T00:00:00Z", traits, NO_ENTRY))
        .isEqualTo("2025-12-29T23:00:00Z");
  }

  @Test
  void anEntryInstantPlusAnElapsedOffsetOrMovedToATimeOfDay() {
    ObjectNode entry =
        (ObjectNode) Json.parse("{\"properties\":{\"startsAt\":\"2026-10-24T20:00:00+02:00\"}}");
    // 18:00 UTC plus 2 hours of elapsed time
    assertThat(
            at(
                date("entry.properties.startsAt", "PT2H", null),
                "2026-10-01T00:00:00Z",
                NO_TRAITS,
                entry))
        .isEqualTo("2026-10-24T20:00:00Z");
    // the next morning (25 October, after the change) at 09:00 CET
    assertThat(
            at(
                date("entry.properties.startsAt", "P1D", "09:00"),
                "2026-10-01T00:00:00Z",
                NO_TRAITS,
                entry))
        .isEqualTo("2026-10-25T08:00:00Z");
  }

  @Test
  void aFixedInstantIsReturnedAsIsEvenWhenPast() {
    Step.Until until =
        new Step.Until(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(Instant.parse("2026-12-24T18:00:00Z")));
    assertThat(at(until, "2027-01-01T00:00:00Z", NO_TRAITS, NO_ENTRY))
        .isEqualTo("2026-12-24T18:00:00Z");
  }

  @Test
  void aMissingOrMalformedDateGivesNoMoment() {
    Step.Until until = date("traits.leaseEnd", "-P1D", "09:00");
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(WaitUntil.at(until, now, WARSAW, NO_TRAITS, NO_ENTRY)).isEmpty();
    assertThat(WaitUntil.at(until, now, WARSAW, Json.object().put("leaseEnd", "soon"), NO_ENTRY))
        .isEmpty();
    assertThat(
            WaitUntil.at(
                date("profile.leaseEnd", null, null),
                now,
                WARSAW,
                Json.object().put("leaseEnd", "2026-03-30"),
                NO_ENTRY))
        .isEmpty();
  }
}
