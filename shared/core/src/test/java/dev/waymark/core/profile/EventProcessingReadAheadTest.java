package dev.waymark.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.journey.simulate.ScratchProfiles;
import dev.waymark.core.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A batch's listeners read ahead at the same time, not one after another. */
class EventProcessingReadAheadTest {
  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

  /**
   * Reads ahead only once the other listener is reading ahead too: run one after another, the first
   * would give up after its wait and the batch would run on the listeners themselves.
   */
  record Rendezvous(String name, CountDownLatch bothReading, List<String> calls)
      implements ProcessedEventListener {
    @Override
    public void onProcessed(ProcessOutcome outcome, InboundEvent event) {
      calls.add(name + " without its read-ahead");
    }

    @Override
    public ProcessedEventListener forBatch(
        List<InboundEvent> events, Function<InboundEvent, Optional<String>> knownProfileOf) {
      bothReading.countDown();
      try {
        if (!bothReading.await(10, TimeUnit.SECONDS)) {
          return this;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return this;
      }
      return (outcome, event) -> calls.add(name + " with its read-ahead");
    }
  }

  @Test
  void theListenersReadAheadTogetherAndTheBatchRunsOnWhatTheyRead() {
    List<String> calls = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch bothReading = new CountDownLatch(2);
    ScratchProfiles store =
        new ScratchProfiles(List.of(Profile.create("P", List.of(TestProfiles.user("u")), NOW)));
    EventProcessing processing =
        new EventProcessing(
            new ProfileService(store, Clock.fixed(NOW, ZoneOffset.UTC)),
            List.of(
                new Rendezvous("segments", bothReading, calls),
                new Rendezvous("router", bothReading, calls)),
            2);
    InboundEvent event =
        new InboundEvent(
            Json.parseObject(
                "{\"type\":\"track\",\"event\":\"Viewed\",\"messageId\":\"m1\",\"userId\":\"u\"}"),
            NOW);

    List<EventProcessing.Result> results = processing.processAll(List.of(event), e -> e);

    assertThat(results).singleElement().isInstanceOf(EventProcessing.Result.Processed.class);
    assertThat(calls).containsExactly("segments with its read-ahead", "router with its read-ahead");
  }
}
