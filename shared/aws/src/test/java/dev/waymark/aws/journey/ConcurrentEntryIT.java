package dev.waymark.aws.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.aws.dynamo.LocalDynamo;
import dev.waymark.core.event.EventBatchValidator;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.journey.EntryDecision;
import dev.waymark.core.journey.JourneyCounter;
import dev.waymark.core.journey.JourneyDefinition;
import dev.waymark.core.journey.JourneyRouter;
import dev.waymark.core.journey.LiveCatalog;
import dev.waymark.core.journey.RecordingExecutions;
import dev.waymark.core.journey.TestJourneys;
import dev.waymark.core.json.Json;
import dev.waymark.core.profile.ProcessOutcome;
import dev.waymark.core.profile.Profile;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Entry caps and locks hold under concurrent events: many entry events for one person, routed at
 * once against DynamoDB Local, start exactly one run (the lock refuses the rest), and every refusal
 * is counted. The workflow engine is a recorder here; the store is the real adapter.
 */
class ConcurrentEntryIT {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC);

  static final String ENGAGEMENT =
      """
      id: engagement
      entry: { event: Screen View }
      eligibility: multiple
      lock: P1M
      entryCap: { count: 2, within: P2M }
      """;

  static InboundEvent screen(String messageId) {
    return new EventBatchValidator()
        .validate(
            "{\"batch\":[{\"type\":\"screen\",\"messageId\":\""
                + messageId
                + "\",\"userId\":\"u\",\"name\":\"Discounts\"}]}",
            CLOCK.instant())
        .get(0);
  }

  @Test
  void concurrentEntryEventsStartOneRun() throws Exception {
    DynamoJourneyStore store = new DynamoJourneyStore(LocalDynamo.client(), LocalDynamo.newTable());
    JourneyDefinition journey = TestJourneys.definition(ENGAGEMENT);
    List<String> started = new CopyOnWriteArrayList<>();
    RecordingExecutions recorder = new RecordingExecutions(started);
    JourneyRouter router =
        new JourneyRouter(new LiveCatalog(journey), store, recorder, audience -> true, CLOCK);
    Profile person = Profile.create("p-1", List.of(), CLOCK.instant());
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      InboundEvent event = screen("s-" + i);
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      go.await();
                      router.onProcessed(new ProcessOutcome(person, true, 0, false), event);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }));
    }
    go.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertThat(started).hasSize(1);
    assertThat(store.membership("engagement", "p-1").entries()).hasSize(1);
    Map<JourneyCounter, Long> counters = store.counters("engagement", journey.version());
    assertThat(counters.get(JourneyCounter.ENTERED)).isEqualTo(1);
    assertThat(counters.get(JourneyCounter.refused(EntryDecision.LOCKED))).isEqualTo(11);
  }

  @Test
  void aReplayedEventIsTracedAndCountedOnce() {
    DynamoJourneyStore store = new DynamoJourneyStore(LocalDynamo.client(), LocalDynamo.newTable());
    JourneyDefinition journey = TestJourneys.definition(ENGAGEMENT);
    List<String> started = new CopyOnWriteArrayList<>();
    JourneyRouter router =
        new JourneyRouter(
            new LiveCatalog(journey), store, new RecordingExecutions(started), a -> true, CLOCK);
    Profile person = Profile.create("p-1", List.of(), CLOCK.instant());
    List<InboundEvent> events = List.of(screen("enters"), screen("locked-out"));
    for (int delivery = 0; delivery < 2; delivery++) { // the stream delivers the batch twice
      for (InboundEvent event : events) {
        router.onProcessed(new ProcessOutcome(person, true, 0, false), event);
      }
    }
    assertThat(started).hasSize(1);
    Map<JourneyCounter, Long> counters = store.counters("engagement", journey.version());
    assertThat(counters.get(JourneyCounter.ENTERED)).isEqualTo(1);
    assertThat(counters.get(JourneyCounter.refused(EntryDecision.LOCKED))).isEqualTo(1);
    assertThat(store.traces("p-1"))
        .extracting(t -> t.decision())
        .containsExactlyInAnyOrder("entered", "locked");
    assertThat(store.runs("p-1"))
        .singleElement()
        .satisfies(r -> assertThat(r.executionArn()).isNotNull());
  }

  @Test
  void somebodyOutsideTheAudienceIsRefusedAndTheTraceSaysWhy() {
    String table = LocalDynamo.newTable();
    DynamoJourneyStore store = new DynamoJourneyStore(LocalDynamo.client(), table);
    JourneyDefinition journey =
        TestJourneys.definition(
            """
        id: ev-offer
        entry: { event: Lease Close To End }
        audience: [interested-in-ev-model]
        """);
    List<String> started = new CopyOnWriteArrayList<>();
    JourneyRouter router =
        new JourneyRouter(
            new LiveCatalog(journey),
            store,
            new RecordingExecutions(started),
            check ->
                check.profileId().equals("member")
                    && check.segmentId().equals("interested-in-ev-model"),
            CLOCK);
    for (String who : List.of("member", "outsider")) {
      InboundEvent event = // as the lease scan emits it: the name is reserved at ingest
          new InboundEvent(
              Json.parseObject(
                  "{\"type\":\"track\",\"messageId\":\"lease-"
                      + who
                      + "\",\"userId\":\""
                      + who
                      + "\",\"event\":\"Lease Close To End\"}"),
              CLOCK.instant());
      router.onProcessed(
          new ProcessOutcome(Profile.create(who, List.of(), CLOCK.instant()), true, 0, false),
          event);
    }
    assertThat(started).hasSize(1);
    assertThat(store.traces("outsider"))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.decision()).isEqualTo("not_in_audience");
              assertThat(t.reason()).contains("interested-in-ev-model");
            });
  }
}
