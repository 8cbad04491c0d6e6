package dev.waymark.core.segment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.profile.Profile;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateTriggerTest {
  static final LocalDate LEASE_END = LocalDate.parse("2027-02-22");

  @Test
  void offsetsAreWholeDaysOrWeeksEitherWay() {
    assertThat(DateTrigger.parseOffset("-P90D")).contains(-90);
    assertThat(DateTrigger.parseOffset("P30D")).contains(30);
    assertThat(DateTrigger.parseOffset("+P1W")).contains(7);
    assertThat(DateTrigger.parseOffset("-P2W")).contains(-14);
    assertThat(DateTrigger.parseOffset("P0D")).contains(0);
    assertThat(DateTrigger.parseOffset("P1M")).isEmpty();
    assertThat(DateTrigger.parseOffset("PT12H")).isEmpty();
    assertThat(DateTrigger.parseOffset("-90")).isEmpty();
    assertThat(new DateTrigger("leaseEnd", -90, false).offset()).isEqualTo("-P90D");
    assertThat(new DateTrigger("leaseEnd", 14, false).offset()).isEqualTo("P14D");
  }

  @Test
  void aDatedTriggerIsDueOnlyOnTheDayTheOffsetNames() {
    DateTrigger lease = new DateTrigger("leaseEnd", -90, false);
    assertThat(lease.dueDate(LEASE_END, LEASE_END.minusDays(90))).contains(LEASE_END);
    assertThat(lease.dueDate(LEASE_END, LEASE_END.minusDays(89))).isEmpty();
    assertThat(lease.dueDate(LEASE_END.withYear(2028), LEASE_END.minusDays(90))).isEmpty();
    DateTrigger after = new DateTrigger("contractRenewal", 7, false);
    assertThat(after.dueDate(LEASE_END, LEASE_END.plusDays(7))).contains(LEASE_END);
  }

  @Test
  void aYearlyTriggerIsDueOnEachAnniversaryFromTheDateOnAnd29FebruaryOnThe28th() {
    DateTrigger birthday = new DateTrigger("birthday", 0, true);
    LocalDate born = LocalDate.parse("1996-02-29");
    assertThat(birthday.dueDate(born, LocalDate.parse("2027-02-28")))
        .contains(LocalDate.parse("2027-02-28"));
    assertThat(birthday.dueDate(born, LocalDate.parse("2028-02-28"))).isEmpty();
    assertThat(birthday.dueDate(born, LocalDate.parse("2028-02-29")))
        .contains(LocalDate.parse("2028-02-29"));
    assertThat(birthday.dueDate(born, LocalDate.parse("1995-02-28"))).isEmpty(); // before it
    DateTrigger dayBefore = new DateTrigger("birthday", -1, true);
    assertThat(dayBefore.dueDate(LocalDate.parse("1990-01-01"), LocalDate.parse("2026-12-31")))
        .contains(LocalDate.parse("2027-01-01"));
    assertThat(DateTrigger.anniversariesOn(LocalDate.parse("2027-02-28")))
        .containsExactly(MonthDay.of(2, 28), MonthDay.of(2, 29));
    assertThat(DateTrigger.anniversariesOn(LocalDate.parse("2028-02-28")))
        .containsExactly(MonthDay.of(2, 28));
    assertThat(DateTrigger.anniversary(MonthDay.of(2, 29), 2027))
        .isEqualTo(LocalDate.parse("2027-02-28"));
  }

  @Test
  void theEntryMatcherAcceptsItsOwnEventOnly() {
    DateTrigger lease = new DateTrigger("leaseEnd", -90, false);
    assertThat(DateTrigger.of(lease.matcher())).contains(lease);
    Profile sarah =
        Profile.create(
            "p-1",
            List.of(Identity.of(IdentityNamespace.USER_ID, "sarah")),
            Instant.parse("2026-11-24T00:05:00Z"));
    InboundEvent event =
        InternalEvents.dateTraitReached(
            sarah,
            lease,
            LEASE_END,
            LEASE_END.minusDays(90),
            Instant.parse("2026-11-24T00:05:00Z"));
    assertThat(event.messageId()).isEqualTo("date:p-1:leaseEnd:2027-02-22:-P90D");
    assertThat(event.properties().path("leaseEnd").asText()).isEqualTo("2027-02-22");
    assertThat(lease.matcher().matches(event, sarah)).isTrue();
    assertThat(new DateTrigger("leaseEnd", -60, false).matcher().matches(event, sarah)).isFalse();
    assertThat(new DateTrigger("leaseEnd", -90, true).matcher().matches(event, sarah)).isFalse();
    assertThat(new DateTrigger("warrantyEnd", -90, false).matcher().matches(event, sarah))
        .isFalse();
  }
}
