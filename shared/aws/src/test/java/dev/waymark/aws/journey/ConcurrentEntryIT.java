package dev.waymark.aws.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.aws.dynamo.LocalDynamo;
import dev.waymark.core.event.EventBatchValidator;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.journey.JourneyDefinition;
import dev.waymark.core.journey.JourneyRouter;
import dev.waymark.core.journey.JourneyYaml;
import dev.waymark.core.journey.StaticJourneyCatalog;
import dev.waymark.core.ports.JourneyExecutions;
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
 * once against DynamoDB Local, start exactly one run (the lock refuses the rest), and every
 * refusal is counted. The workflow engine is a recorder here; the store is the real adapter.
 */
class ConcurrentEntryIT {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC);

  @Test
  void concurrentEntryEventsStartOneRun() throws Exception {
    String table = LocalDynamo.newTable();
    DynamoJourneyStore store = new DynamoJourneyStore(LocalDynamo.client(), table);
    JourneyDefinition journey = JourneyYaml.parse("""
        id: engagement
        entry: { event: Screen View }
        eligibility: multiple
        lock: P1M
        entryCap: { count: 2, within: P2M }
        """, "{}", "test");
    List<String> started = new CopyOnWriteArrayList<>();
    JourneyExecutions recorder = new JourneyExecutions() {
      @Override
      public String start(String stateMachineArn, String runName, String inputJson) {
        started.add(runName);
        return "arn:execution:" + runName;
      }

      @Override
      public void stop(String executionArn, String error, String cause) {}

      @Override
      public boolean resume(String taskToken, String outputJson) {
        return true;
      }

      @Override
      public String status(String executionArn) {
        return "RUNNING";
      }
    };
    JourneyRouter router = new JourneyRouter(new StaticJourneyCatalog(List.of(journey), Map.of("engagement", "arn:sm")),
        store, recorder, audience -> true, CLOCK);
    Profile person = Profile.create("p-1", List.of(), CLOCK.instant());
    EventBatchValidator validator = new EventBatchValidator();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      InboundEvent event = validator.validate("{\"batch\":[{\"type\":\"screen\",\"messageId\":\"s-" + i
          + "\",\"userId\":\"u\",\"name\":\"Discounts\"}]}", CLOCK.instant()).get(0);
      threads.add(Thread.ofPlatform().start(() -> {
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
    Map<String, Long> counters = store.counters("engagement", journey.version());
    assertThat(counters.get("entered")).isEqualTo(1);
    assertThat(counters.get("refused_locked")).isEqualTo(11);
  }
}
