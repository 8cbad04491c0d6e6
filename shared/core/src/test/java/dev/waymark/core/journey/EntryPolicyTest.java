package dev.waymark.core.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.core.journey.language.JourneyDocuments;
import dev.waymark.core.journey.language.TemplateLookup;
import dev.waymark.core.problem.FieldError;
import dev.waymark.core.problem.ProblemException;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Seed 004's entry rules at their edges: lock, cap window, once, holdout. */
class EntryPolicyTest {
  static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
  static final String SEED_004 =
      """
      id: engagement
      entry: { event: Screen View, filters: [ { field: name, op: contains, value: Discounts } ] }
      eligibility: multiple
      lock: P1M
      entryCap: { count: 2, within: P2M }
      """;

  static JourneyDefinition journey(String yaml) {
    return TestJourneys.definition(yaml);
  }

  static Membership entered(Instant... at) {
    Membership m = Membership.none("engagement", "p");
    for (Instant t : at) {
      m =
          m.entered(
              new Membership.Entry(t, "k" + t, EntryDecision.ENTERED),
              t.atZone(ZoneOffset.UTC).plusMonths(1).toInstant());
    }
    return m;
  }

  static Instant months(int n) {
    return T0.atZone(ZoneOffset.UTC).plusMonths(n).toInstant();
  }

  @Test
  void theLockHoldsUntilItsLastInstant() {
    JourneyDefinition j = journey(SEED_004);
    assertThat(EntryPolicy.decide(j, entered(T0), months(1).minusSeconds(1)))
        .isEqualTo(EntryDecision.LOCKED);
    assertThat(EntryPolicy.decide(j, entered(T0), months(1))).isEqualTo(EntryDecision.ENTERED);
  }

  @Test
  void twoEntriesWithinTwoMonthsCapTheThirdWindowEdgesIncluded() {
    JourneyDefinition j = journey(SEED_004);
    Membership twice = entered(T0, months(1));
    assertThat(EntryPolicy.decide(j, twice, months(2)))
        .as("the first entry is exactly 2 months old")
        .isEqualTo(EntryDecision.CAPPED);
    assertThat(EntryPolicy.decide(j, twice, months(2).plusSeconds(1)))
        .isEqualTo(EntryDecision.ENTERED);
  }

  @Test
  void entriesAreOpenFromStartsAtUntilJustBeforeEndsAtBeforeEveryOtherRule() {
    JourneyDefinition j =
        JourneyDocuments.parseYaml(
                """
                id: dated
                entry: { event: X }
                eligibility: once
                startsAt: 2026-12-01T09:00:00Z
                endsAt: 2027-03-01T00:00:00Z
                steps: [ { id: a, type: exit } ]
                """,
                "",
                TemplateLookup.ANY)
            .definition();
    Instant starts = Instant.parse("2026-12-01T09:00:00Z");
    Instant ends = Instant.parse("2027-03-01T00:00:00Z");
    Membership none = Membership.none("dated", "p");

    assertThat(EntryPolicy.decide(j, none, starts.minusSeconds(1)))
        .isEqualTo(EntryDecision.NOT_STARTED);
    assertThat(EntryPolicy.decide(j, none, starts)).isEqualTo(EntryDecision.ENTERED);
    assertThat(EntryPolicy.decide(j, none, ends.minusSeconds(1))).isEqualTo(EntryDecision.ENTERED);
    assertThat(EntryPolicy.decide(j, none, ends)).isEqualTo(EntryDecision.ENDED);
    assertThat(EntryPolicy.decide(j, entered(starts), ends))
        .as("the dates come before eligibility")
        .isEqualTo(EntryDecision.ENDED);
    assertThat(JourneyCounter.refused(EntryDecision.NOT_STARTED).name())
        .isEqualTo("refused_not_started");
    assertThat(JourneyCounter.parse("refused_ended"))
        .contains(JourneyCounter.refused(EntryDecision.ENDED));
  }

  @Test
  void onceMeansOnce() {
    JourneyDefinition j = journey("id: once\nentry: { event: Signed Up }\neligibility: once\n");
    assertThat(EntryPolicy.decide(j, Membership.none("once", "p"), T0))
        .isEqualTo(EntryDecision.ENTERED);
    assertThat(EntryPolicy.decide(j, entered(T0), months(12)))
        .isEqualTo(EntryDecision.ALREADY_ENTERED_ONCE);
  }

  @Test
  void theHoldoutIsAStableShare() {
    JourneyDefinition j = journey("id: held\nentry: { event: X }\nholdoutPercent: 20\n");
    long held = 0;
    for (int i = 0; i < 2000; i++) {
      EntryDecision first = EntryPolicy.decide(j, Membership.none("held", "p" + i), T0);
      assertThat(EntryPolicy.decide(j, Membership.none("held", "p" + i), months(3)))
          .isEqualTo(first);
      held += first == EntryDecision.HELD_OUT ? 1 : 0;
    }
    assertThat(held).isBetween(330L, 470L);
  }

  @Test
  void invalidDefinitionsNameEveryBadField() {
    ProblemException refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            ProblemException.class,
            () ->
                journey(
                    "id: Bad Id\nentry: { filters: [ { field: x, op: near } ] }\neligibility:"
                        + " twice\nlock: soon\nentryCap: { count: 0 }\nholdoutPercent: 120\n"
                        + "surprise: 1\n"));
    assertThat(refused.problem().status()).isEqualTo(400);
    assertThat(refused.problem().errors())
        .extracting(FieldError::field)
        .contains(
            "/surprise",
            "/id",
            "/entry",
            "/eligibility",
            "/lock",
            "/entryCap/count",
            "/entryCap/within",
            "/holdoutPercent");
  }
}
