package dev.waymark.core.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How a merge combines two standings in one segment. */
class SegmentMembershipTest {
  static Instant day(int d) {
    return Instant.parse("2026-11-01T00:00:00Z").plusSeconds(86_400L * d);
  }

  static SegmentMembership entered(int d) {
    return SegmentMembership.none("s").changed(true, day(d));
  }

  @Test
  void aMemberIfEitherWasWithTheSurvivorsEntryTimeFirst() {
    SegmentMembership survivorIn = entered(3);
    SegmentMembership loserIn = entered(1);
    assertThat(survivorIn.absorbing(loserIn).enteredAt()).isEqualTo(day(3));
    SegmentMembership survivorOut = entered(2).changed(false, day(4));
    SegmentMembership combined = survivorOut.absorbing(loserIn);
    assertThat(combined.member()).isTrue();
    assertThat(combined.enteredAt()).isEqualTo(day(1));
    assertThat(combined.exitedAt()).isEqualTo(day(4));
    assertThat(combined.version()).isEqualTo(survivorOut.version() + 1);
    assertThat(combined.history())
        .extracting(SegmentMembership.Change::at)
        .containsExactly(day(1), day(2), day(4));
    assertThat(SegmentMembership.none("s").absorbing(SegmentMembership.none("s")).member())
        .isFalse();
  }

  @Test
  void theEarlierReCheckWinsAndTheHistoryKeepsItsNewestChanges() {
    SegmentMembership dueLate = withDue(entered(1), day(20));
    SegmentMembership dueSoon = withDue(SegmentMembership.none("s"), day(10));
    assertThat(dueLate.absorbing(dueSoon).dueAt()).isEqualTo(day(10));
    assertThat(dueSoon.absorbing(dueLate).dueAt()).isEqualTo(day(10));
    assertThat(entered(1).absorbing(dueLate).dueAt()).isEqualTo(day(20));

    SegmentMembership busy = SegmentMembership.none("s");
    for (int d = 0; d < SegmentMembership.HISTORY_KEPT; d++) {
      busy = busy.changed(d % 2 == 0, day(d));
    }
    SegmentMembership combined = busy.absorbing(entered(100));
    assertThat(combined.history()).hasSize(SegmentMembership.HISTORY_KEPT);
    assertThat(combined.history().get(SegmentMembership.HISTORY_KEPT - 1).at()).isEqualTo(day(100));
  }

  private static SegmentMembership withDue(SegmentMembership m, Instant due) {
    return new SegmentMembership(
        m.segmentId(), m.member(), m.enteredAt(), m.exitedAt(), due, m.version(), m.history());
  }
}
