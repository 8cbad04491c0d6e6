package dev.waymark.core.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.account.InMemoryAccounts;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.json.Json;
import dev.waymark.core.profile.ErasureReport;
import dev.waymark.core.profile.ProcessOutcome;
import dev.waymark.core.profile.ProcessedEventListener;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileRecords;
import dev.waymark.core.profile.Traits;
import dev.waymark.core.store.Page;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which segments an event re-evaluates, what is recorded and announced, and that replays and
 * announcements do not loop.
 */
class SegmentEvaluatorTest {
  static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  final InMemoryMemberships memberships = new InMemoryMemberships();
  final List<String> scheduled = new ArrayList<>();
  final SegmentCatalog catalog =
      new SegmentCatalog(
          List.of(
              SegmentYaml.parse(
                  "id: ev\nrule: { event: Page View, where: [{field: name, op: equals, value: E-V Model}] }",
                  "t"),
              SegmentYaml.parse("id: lease\nrule: { trait: leaseEnd, withinNextDays: 90 }", "t"),
              SegmentYaml.parse(
                  "id: both\nrule: { all: [ { inSegment: ev }, { inSegment: lease } ] }", "t"),
              SegmentYaml.parse("id: app\nrule: { reachable: push }", "t")));
  final SegmentEvaluator evaluator =
      new SegmentEvaluator(
          catalog,
          memberships,
          new SegmentDueChecks() {
            @Override
            public void schedule(String profileId, String segmentId, Instant dueAt) {
              scheduled.add(segmentId + "@" + dueAt);
              SegmentMembership m =
                  memberships.byKey.getOrDefault(
                      profileId + "/" + segmentId, SegmentMembership.none(segmentId));
              memberships.byKey.put(
                  profileId + "/" + segmentId,
                  new SegmentMembership(
                      segmentId,
                      m.member(),
                      m.enteredAt(),
                      m.exitedAt(),
                      dueAt,
                      m.version(),
                      m.history())); // as the adapter does: dueAt kept on the membership
            }

            @Override
            public List<DueCheck> dueBy(Instant at) {
              return List.of();
            }

            @Override
            public void done(DueCheck check) {}
          },
          new NoTimeline(),
          new InMemoryAccounts(),
          Clock.fixed(NOW, ZoneOffset.UTC));

  Profile profile(String traits) {
    Profile p = Profile.create("p1", List.of(Identity.of(IdentityNamespace.USER_ID, "u1")), NOW);
    return p.withTraits(Traits.empty().applying(Json.parseObject(traits), NOW), NOW);
  }

  static InboundEvent event(String json) {
    return new InboundEvent(Json.parseObject(json), NOW);
  }

  @Test
  void aPendingEarlierReCheckIsKeptSoDailyActivityDoesNotMoveItOnEveryEvent() {
    Instant pending = NOW.plusSeconds(86400);
    assertThat(SegmentEvaluator.needsCheck(null, pending, NOW)).isTrue(); // none pending
    assertThat(SegmentEvaluator.needsCheck(pending, pending.plusSeconds(60), NOW))
        .isFalse(); // the earlier one will re-evaluate and schedule this one
    assertThat(SegmentEvaluator.needsCheck(pending, pending.minusSeconds(60), NOW)).isTrue();
    assertThat(SegmentEvaluator.needsCheck(NOW, NOW.plusSeconds(60), NOW))
        .isTrue(); // the pending one is running now (or was missed): the next is needed
    assertThat(SegmentEvaluator.needsCheck(pending, pending, NOW)).isFalse();
  }

  @Test
  void anEventReEvaluatesOnlyTheSegmentsItCanAffect() {
    ProcessOutcome existing = new ProcessOutcome(profile("{}"), true, 0, false);
    assertThat(
            evaluator.affected(
                existing, event("{\"type\":\"page\",\"name\":\"E-V Model\",\"messageId\":\"m1\"}")))
        .containsExactly("ev");
    assertThat(
            evaluator.affected(
                existing, event("{\"type\":\"track\",\"event\":\"Login\",\"messageId\":\"m2\"}")))
        .isEmpty();
    assertThat(
            evaluator.affected(
                existing,
                event(
                    "{\"type\":\"identify\",\"traits\":{\"leaseEnd\":\"2027-01-01\"},\"messageId\":\"m3\"}")))
        .containsExactlyInAnyOrder("lease", "app"); // a trait it sets; identify may add identities
    assertThat(
            evaluator.affected(
                new ProcessOutcome(profile("{}"), true, 0, true),
                event("{\"type\":\"track\",\"event\":\"Login\",\"messageId\":\"m4\"}")))
        .hasSize(4); // a new profile: all
  }

  @Test
  void aMergeOrTheEndOfAnInterruptedOneReEvaluatesEverySegment() {
    InboundEvent login = event("{\"type\":\"track\",\"event\":\"Login\",\"messageId\":\"m6\"}");
    assertThat(evaluator.affected(new ProcessOutcome(profile("{}"), true, 1, false), login))
        .hasSize(4);
    assertThat(evaluator.affected(new ProcessOutcome(profile("{}"), true, 0, false, 1), login))
        .hasSize(4); // the moves a crash left were finished by this event
  }

  @Test
  void aSegmentEventReEvaluatesItsReadersButNeverItself() {
    Profile p = profile("{}");
    InboundEvent entered =
        InternalEvents.segmentChange(p, catalog.find("ev").orElseThrow(), true, NOW);
    assertThat(evaluator.affected(new ProcessOutcome(p, true, 0, false), entered))
        .containsExactly("both");
    InboundEvent bothEntered =
        InternalEvents.segmentChange(p, catalog.find("both").orElseThrow(), true, NOW);
    assertThat(evaluator.affected(new ProcessOutcome(p, true, 0, true), bothEntered)).isEmpty();
  }

  @Test
  void entriesAreRecordedAnnouncedAndScheduledOnceEvenWhenReplayed() {
    ProcessOutcome outcome =
        new ProcessOutcome(profile("{\"leaseEnd\":\"2027-01-10\"}"), true, 0, false);
    InboundEvent identify =
        event(
            "{\"type\":\"identify\",\"userId\":\"u1\",\"traits\":{\"leaseEnd\":\"2027-01-10\"},\"messageId\":\"m5\"}");
    evaluator.onProcessed(outcome, identify);
    evaluator.onProcessed(
        new ProcessOutcome(outcome.profile(), false, 0, false), identify); // a replay
    assertThat(memberships.announcements)
        .extracting(e -> e.eventName() + ":" + e.properties().path("segmentId").asText())
        .containsExactly("Segment Entered:lease");
    assertThat(memberships.announcements.get(0).messageId())
        .isEqualTo("seg:lease:p1:entered:" + NOW.getEpochSecond());
    assertThat(memberships.of("p1").get("lease").history()).hasSize(1);
    assertThat(scheduled).containsExactly("lease@2027-01-11T00:00:00Z"); // the exit, once
  }

  @Test
  void aBatchReadsItsPeoplesMembershipsTogetherEachForTheFirstOfTheirEventsOnly() {
    Profile p1 = profile("{}");
    Profile p2 = Profile.create("p2", List.of(Identity.of(IdentityNamespace.USER_ID, "u2")), NOW);
    InboundEvent first = event("{\"type\":\"page\",\"name\":\"E-V Model\",\"messageId\":\"b1\"}");
    InboundEvent second = event("{\"type\":\"page\",\"name\":\"E-V Model\",\"messageId\":\"b2\"}");
    InboundEvent other = event("{\"type\":\"page\",\"name\":\"E-V Model\",\"messageId\":\"b3\"}");
    InboundEvent login = event("{\"type\":\"track\",\"event\":\"Login\",\"messageId\":\"b4\"}");
    Map<InboundEvent, String> owners = Map.of(first, "p1", second, "p1", other, "p2", login, "p3");

    ProcessedEventListener batch =
        evaluator.forBatch(
            java.util.Arrays.asList(first, null, second, other, login),
            e -> java.util.Optional.ofNullable(owners.get(e)));
    batch.onProcessed(new ProcessOutcome(p1, true, 0, false), first);
    batch.onProcessed(new ProcessOutcome(p1, true, 0, false), second);
    batch.onProcessed(new ProcessOutcome(p2, true, 0, false), other);

    // one read for the batch (p3's Login affects no segment: nothing to read for it); p1's second
    // event reads again, after its first entered the segment, so it does not enter twice
    assertThat(memberships.reads).containsExactly("together {p1=[ev], p2=[ev]}", "one p1");
    assertThat(memberships.announcements)
        .extracting(e -> e.eventName() + ":" + e.properties().path("segmentId").asText())
        .containsExactly("Segment Entered:ev", "Segment Entered:ev");
    assertThat(memberships.of("p1").get("ev").member()).isTrue();
    assertThat(memberships.of("p2").get("ev").member()).isTrue();
    // outside a batch, each evaluation reads for itself
    evaluator.onProcessed(new ProcessOutcome(p2, true, 0, false), other);
    assertThat(memberships.reads).endsWith("one p2");
  }

  /** Memberships in a map; changes are applied as the DynamoDB adapter would (version-checked). */
  static final class InMemoryMemberships implements SegmentMemberships {
    @Override
    public java.util.SortedMap<java.time.LocalDate, Long> sizes(String segmentId, int days) {
      throw new UnsupportedOperationException(
          "sizes over time are the adapter's (SegmentSizesTest)");
    }

    final Map<String, SegmentMembership> byKey = new HashMap<>();
    final List<InboundEvent> announcements = new ArrayList<>();
    final List<String> reads = new ArrayList<>();

    @Override
    public Map<String, Map<String, SegmentMembership>> ofEach(
        Map<String, java.util.Set<String>> wanted) {
      reads.add("together " + new java.util.TreeMap<>(wanted));
      Map<String, Map<String, SegmentMembership>> found = new HashMap<>();
      wanted.forEach(
          (id, segments) -> {
            Map<String, SegmentMembership> some = new HashMap<>(mine(id));
            some.keySet().retainAll(segments);
            found.put(id, some);
          });
      return found;
    }

    @Override
    public Map<String, SegmentMembership> of(String profileId) {
      reads.add("one " + profileId);
      return mine(profileId);
    }

    private Map<String, SegmentMembership> mine(String profileId) {
      Map<String, SegmentMembership> mine = new HashMap<>();
      byKey.forEach(
          (k, v) -> {
            if (k.startsWith(profileId + "/")) {
              mine.put(v.segmentId(), v);
            }
          });
      return mine;
    }

    @Override
    public void change(
        String profileId,
        SegmentMembership before,
        SegmentMembership after,
        InboundEvent announcement) {
      SegmentMembership stored = byKey.get(profileId + "/" + after.segmentId());
      if ((stored == null ? 0 : stored.version()) != before.version()) {
        throw new dev.waymark.core.store.ConcurrentChangeException("lost");
      }
      byKey.put(profileId + "/" + after.segmentId(), after);
      announcements.add(announcement);
    }

    @Override
    public long size(String segmentId) {
      return byKey.values().stream()
          .filter(m -> m.segmentId().equals(segmentId) && m.member())
          .count();
    }

    @Override
    public Page<String> members(String segmentId, int limit, String cursor) {
      return new Page<>(List.of(), null);
    }
  }

  static final class NoTimeline implements ProfileRecords {
    @Override
    public Page<ObjectNode> timeline(String profileId, int limit, String cursor) {
      return new Page<>(List.of(), null);
    }

    @Override
    public ErasureReport erase(Profile profile, dev.waymark.core.profile.ExecutionStopper runs) {
      throw new UnsupportedOperationException();
    }
  }
}
