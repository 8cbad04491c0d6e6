package dev.waymark.core.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.journey.simulate.ScratchJourneyStore;
import dev.waymark.core.profile.ProcessOutcome;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.segment.InternalEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Audience entries settled ahead of the router: only those the router is certain to refuse, with
 * the very counter and trace the router records when the event reaches it.
 */
class EntryRefusalsTest {
  static final Instant MONDAY = Instant.parse("2027-03-08T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(MONDAY, ZoneOffset.UTC);
  static final JourneyDefinition WEEKLY =
      TestJourneys.definition(
          """
          id: reactivation
          entry: { schedule: reactivation-weekly }
          lock: P28D
          """);

  final ScratchJourneyStore store = new ScratchJourneyStore();
  final List<String> started = new java.util.ArrayList<>();
  final JourneyRouter router = router(store);
  final EntryRefusals refusals = new EntryRefusals(router, CLOCK);

  JourneyRouter router(JourneyStore journeyStore) {
    JourneyCatalog catalog = new LiveCatalog(WEEKLY);
    JourneyExecutions executions = new RecordingExecutions(started);
    return new JourneyRouter(catalog, journeyStore, executions, check -> true, CLOCK);
  }

  static Profile person(String id) {
    return Profile.create(id, List.of(Identity.of(IdentityNamespace.USER_ID, "u-" + id)), MONDAY);
  }

  static EntryRefusals.Candidate candidate(Profile profile) {
    InboundEvent event =
        InternalEvents.audienceScheduleFired(
            profile, "reactivation", "reactivation-weekly", "2027-03-08", MONDAY);
    return new EntryRefusals.Candidate(event, profile);
  }

  static void enteredAt(JourneyStore into, String profileId, Instant at) {
    into.saveMembership(
        Membership.none("reactivation", profileId)
            .entered(
                new Membership.Entry(at, "earlier-" + at, EntryDecision.ENTERED),
                at.plus(Duration.ofDays(28))));
  }

  @Test
  void aMemberLockedPastTheMarginIsSettledAsTheRouterWouldSettleIt() {
    Profile locked = person("locked");
    enteredAt(store, "locked", MONDAY.minus(Duration.ofDays(7)));
    assertThat(refusals.withoutCertainRefusals(List.of(candidate(locked)))).isEmpty();

    ScratchJourneyStore routed = new ScratchJourneyStore();
    enteredAt(routed, "locked", MONDAY.minus(Duration.ofDays(7)));
    router(routed)
        .onProcessed(new ProcessOutcome(locked, true, 0, false), candidate(locked).event());
    assertThat(store.traces("locked")).isEqualTo(routed.traces("locked")).hasSize(1);
    assertThat(store.traces("locked").get(0).decision()).isEqualTo("locked");
    assertThat(store.counters("reactivation", WEEKLY.version()))
        .isEqualTo(routed.counters("reactivation", WEEKLY.version()))
        .containsEntry(JourneyCounter.refused(EntryDecision.LOCKED), 1L);
  }

  @Test
  void whoMightEnterIsLeftToTheRouterAndNothingIsRecordedForThem() {
    Profile fresh = person("fresh");
    Profile lockEndsSoon = person("soon");
    Profile lockEndsNow = person("now");
    // the lock ends within the margin (the event may be processed after it): not certain
    enteredAt(store, "soon", MONDAY.minus(Duration.ofDays(28)).plus(Duration.ofMinutes(30)));
    // four weeks to the instant: the lock has just ended, the router enters them
    enteredAt(store, "now", MONDAY.minus(Duration.ofDays(28)));
    List<EntryRefusals.Candidate> all =
        List.of(candidate(fresh), candidate(lockEndsSoon), candidate(lockEndsNow));
    assertThat(refusals.withoutCertainRefusals(all)).containsExactlyElementsOf(all);
    assertThat(store.traces("fresh")).isEmpty();
    assertThat(store.traces("soon")).isEmpty();
    assertThat(store.counters("reactivation", WEEKLY.version())).isEmpty();
  }

  @Test
  void nothingIsSettledAheadWhileAJourneyHasAGoalOnTheEntryEvent() {
    JourneyDefinition goalOnIt =
        TestJourneys.definition(
            """
            id: counts-schedule-events
            entry: { event: Order Completed }
            goals: [ { event: Audience Schedule Fired, within: P30D } ]
            """);
    JourneyRouter both =
        new JourneyRouter(
            new LiveCatalog(List.of(WEEKLY, goalOnIt)),
            store,
            new RecordingExecutions(started),
            check -> true,
            CLOCK);
    enteredAt(store, "locked", MONDAY.minus(Duration.ofDays(7)));
    EntryRefusals.Candidate locked = candidate(person("locked"));
    assertThat(new EntryRefusals(both, CLOCK).withoutCertainRefusals(List.of(locked)))
        .containsExactly(locked);
    assertThat(store.traces("locked")).isEmpty();
  }

  @Test
  void aReplayedEntryIsLeftToTheRouter() {
    Profile replayed = person("replayed");
    EntryRefusals.Candidate candidate = candidate(replayed);
    store.saveMembership(
        Membership.none("reactivation", "replayed")
            .entered(
                new Membership.Entry(MONDAY, candidate.event().messageId(), EntryDecision.ENTERED),
                MONDAY.plus(Duration.ofDays(28))));
    assertThat(refusals.withoutCertainRefusals(List.of(candidate))).containsExactly(candidate);
  }
}
