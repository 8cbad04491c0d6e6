package dev.waymark.core.segment;

import static dev.waymark.core.segment.RuleFixtures.profile;
import static dev.waymark.core.segment.RuleFixtures.rule;
import static dev.waymark.core.segment.RuleFixtures.track;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.store.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Rules read a person's events newest first, and only as far as their answer needs. */
class TimelineTest {
  static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  /** A stored timeline of {@code count} events an hour apart, newest an hour before NOW. */
  static final class Stored implements Timeline.Pages {
    final List<InboundEvent> events = new ArrayList<>();
    final AtomicInteger pagesRead = new AtomicInteger();
    final AtomicInteger eventsRead = new AtomicInteger();

    Stored(int count, String name) {
      for (int i = 1; i <= count; i++) {
        events.add(track(name, NOW.minusSeconds(3600L * i).toString(), "{}"));
      }
    }

    @Override
    public Page<InboundEvent> read(int limit, String cursor) {
      int from = cursor == null ? 0 : Integer.parseInt(cursor);
      int to = Math.min(events.size(), from + limit);
      pagesRead.incrementAndGet();
      eventsRead.addAndGet(to - from);
      return new Page<>(events.subList(from, to), to < events.size() ? Integer.toString(to) : null);
    }
  }

  static SegmentContext context(Timeline timeline, Instant now) {
    return new SegmentContext(profile("{}"), now, Set.of(), timeline, List::of);
  }

  static final Rule INACTIVE = rule("event: \"*\"\nwithin: P60D\natMost: 0");

  /**
   * Asks "inactive for 60 days" about a person with {@code stored} events, with {@code trigger}
   * (may be null) being processed: not a member, re-checked at {@code recheck}.
   */
  static void activeUntil(Stored stored, InboundEvent trigger, String recheck) {
    SegmentContext context = context(Timeline.reading(stored, trigger), NOW);
    assertThat(INACTIVE.test(context)).isFalse();
    assertThat(INACTIVE.nextChange(context)).contains(Instant.parse(recheck));
  }

  @Test
  void inactiveFor60DaysIsAnsweredByTheEventBeingProcessedWithoutReadingAnything() {
    Stored stored = new Stored(900, "Page Viewed");
    // in again 60 days after the newest event (the trigger), one nanosecond past its window
    activeUntil(
        stored, track("Page Viewed", NOW.toString(), "{}"), "2027-01-23T12:00:00.000000001Z");
    assertThat(stored.pagesRead).hasValue(0);
  }

  @Test
  void withNoEventBeingProcessedInactiveFor60DaysReadsOnlyTheLatestPage() {
    Stored stored = new Stored(900, "Page Viewed");
    // 60 days after the newest stored event, an hour before NOW
    activeUntil(stored, null, "2027-01-23T11:00:00.000000001Z");
    assertThat(stored.pagesRead).hasValue(1);
    assertThat(stored.eventsRead).hasValue(Timeline.FIRST_PAGE);
  }

  @Test
  void aLateEventSettlesTheAnswerAndAsksForAnEarlyCheckNeverALateOne() {
    Stored stored = new Stored(3, "Page Viewed"); // newest an hour ago
    // the late event leaves the window a day before the newest does: a check then finds the
    // person still active and schedules the next
    activeUntil(
        stored,
        track("Page Viewed", NOW.minusSeconds(86_400).toString(), "{}"),
        "2027-01-22T12:00:00.000000001Z");
    assertThat(stored.pagesRead).hasValue(0);
  }

  @Test
  void anEventTheAnswerDoesNotSettleIsReadAlongWithTheStoredOnes() {
    Stored stored = new Stored(3, "Page Viewed");
    Rule twice = rule("event: Page Viewed\nwithin: P1D\natLeast: 2");
    InboundEvent trigger = track("Page Viewed", NOW.toString(), "{}");
    SegmentContext context = context(Timeline.reading(stored, trigger), NOW);
    assertThat(twice.test(context)).isTrue();
    assertThat(stored.pagesRead).hasValue(1);

    Stored again = new Stored(3, "Page Viewed");
    InboundEvent outside = track("Page Viewed", NOW.minusSeconds(3 * 86_400).toString(), "{}");
    Rule inactive = rule("event: \"*\"\nwithin: P1D\natMost: 0");
    assertThat(inactive.test(context(Timeline.reading(again, outside), NOW))).isFalse();
    assertThat(again.pagesRead).hasValue(1); // out of the window: the stored events decide
  }

  @Test
  void theTriggerTakesItsPlaceByTimeAndIsSeenOnceWhenStoredToo() {
    Stored stored = new Stored(30, "Page Viewed");
    InboundEvent between = track("Cart Viewed", NOW.minusSeconds(5400).toString(), "{}");
    List<InboundEvent> all = Timeline.reading(stored, between).all();
    assertThat(all).hasSize(31);
    assertThat(all.get(1)).isEqualTo(between); // after the newest (1 h ago), before 2 h ago

    InboundEvent storedOne = stored.events.get(3);
    assertThat(Timeline.reading(stored, storedOne).all()).hasSize(30).containsOnlyOnce(storedOne);
  }

  @Test
  void noMoreThanTheCapIsRead() {
    Stored stored = new Stored(Timeline.CAP + 300, "Page Viewed");
    assertThat(Timeline.reading(stored, null).all()).hasSize(Timeline.CAP);
    assertThat(stored.eventsRead.get()).isLessThan(Timeline.CAP + Timeline.PAGE);
  }

  @Test
  void aCountLeavesWhenItsAtLeastThNewestSlidesOutNotWhenTheOldestDoes() {
    // 5 orders, 1..5 hours ago; "at least 3 within a day" holds until the 3rd newest is a day old
    Stored stored = new Stored(5, "Order Completed");
    Rule threeADay = rule("event: Order Completed\nwithin: P1D\natLeast: 3");
    SegmentContext context = context(Timeline.reading(stored, null), NOW);
    assertThat(threeADay.test(context)).isTrue();
    assertThat(threeADay.nextChange(context))
        .contains(NOW.minusSeconds(3 * 3600).plusSeconds(86400).plusNanos(1));
    // too many: "at most 1 within a day" comes true when the 2nd newest slides out
    Rule atMostOne = rule("event: Order Completed\nwithin: P1D\natMost: 1");
    SegmentContext again = context(Timeline.reading(new Stored(5, "Order Completed"), null), NOW);
    assertThat(atMostOne.test(again)).isFalse();
    assertThat(atMostOne.nextChange(again))
        .contains(NOW.minusSeconds(2 * 3600).plusSeconds(86400).plusNanos(1));
    // too few: time alone cannot bring the count up
    Rule ten = rule("event: Order Completed\nwithin: P1D\natLeast: 10");
    SegmentContext few = context(Timeline.reading(new Stored(5, "Order Completed"), null), NOW);
    assertThat(ten.test(few)).isFalse();
    assertThat(ten.nextChange(few)).isEmpty();
  }

  @Test
  void eventsOfOneSecondOutOfOrderAreStillCounted() {
    // stored keys order "…:00Z" after "…:00.500Z" (a '.' sorts before 'Z') though it is older
    InboundEvent later = track("Order Completed", "2026-11-24T11:00:00.500Z", "{}");
    InboundEvent earlier = track("Order Completed", "2026-11-24T11:00:00Z", "{}");
    Timeline.Pages keyOrder = (limit, cursor) -> new Page<>(List.of(earlier, later), null);
    Rule lastOrder = rule("event: Order Completed\nlastPerformed: { before: PT1H }");
    // the newest is 11:00:00.5: one hour later (plus a nanosecond) it is over an hour ago
    assertThat(lastOrder.nextChange(context(Timeline.reading(keyOrder, null), NOW)))
        .contains(Instant.parse("2026-11-24T12:00:00.500000001Z"));
  }
}
