package dev.waymark.core.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.core.event.EventBatchValidator;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.journey.simulate.ScratchJourneyStore;
import dev.waymark.core.profile.ProcessOutcome;
import dev.waymark.core.profile.ProcessedEventListener;
import dev.waymark.core.profile.Profile;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The router asks the store for a person's waits only when a wait could still be open. */
class JourneyRouterWaitsTest {
  static final Instant NOW = Instant.parse("2027-03-08T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  final ScratchJourneyStore scratch = new ScratchJourneyStore();
  final AtomicInteger waitQueries = new AtomicInteger();
  final List<String> resumed = new ArrayList<>();

  /** What the store says a batch's people have waits for: event name → latest expiry. */
  Map<String, Map<String, Instant>> horizons = Map.of();

  /** The scratch store, counting waitsFor and answering waitHorizons with {@link #horizons}. */
  final JourneyStore store =
      (JourneyStore)
          Proxy.newProxyInstance(
              JourneyStore.class.getClassLoader(),
              new Class<?>[] {JourneyStore.class},
              (proxy, method, args) -> {
                if (method.getName().equals("waitHorizons")) {
                  return Optional.of(horizons);
                }
                if (method.getName().equals("waitsFor")) {
                  waitQueries.incrementAndGet();
                }
                try {
                  return method.invoke(scratch, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });

  final JourneyRouter router =
      new JourneyRouter(
          new LiveCatalog(List.of()),
          store,
          new JourneyExecutions() {
            @Override
            public String start(String stateMachineArn, String runName, String inputJson) {
              throw new AssertionError("no journey is live");
            }

            @Override
            public void stop(String executionArn, String error, String cause) {}

            @Override
            public boolean resume(String taskToken, String outputJson) {
              resumed.add(taskToken);
              return true;
            }

            @Override
            public String status(String executionArn) {
              return "RUNNING";
            }
          },
          check -> true,
          CLOCK);

  static Profile person(String id) {
    return Profile.create(id, List.of(Identity.of(IdentityNamespace.USER_ID, "u-" + id)), NOW);
  }

  static InboundEvent event(Profile profile, String name, Instant at) {
    return new EventBatchValidator()
        .validate(
            """
            {"batch":[{"type":"track","event":"%s","messageId":"m-%s","userId":"%s",
             "timestamp":"%s"}]}"""
                .formatted(name, at.toEpochMilli(), profile.id(), at),
            at)
        .get(0);
  }

  void waitFor(Profile profile, String name, Instant expiresAt) {
    scratch.registerWait(
        new WaitRegistration(
            profile.id(),
            "run-" + name,
            "step",
            "cart",
            "1",
            new EventMatcher(name, List.of()),
            null,
            null,
            "token-" + name,
            expiresAt));
  }

  ProcessedEventListener batch(InboundEvent... events) {
    return router.forBatch(List.of(events), e -> Optional.of(e.body().path("userId").asText()));
  }

  @Test
  void anEventNoWaitCanStillBeOpenForDoesNotQueryTheWaits() {
    Profile p = person("p");
    Instant expiry = NOW.plus(Duration.ofDays(7));
    waitFor(p, "Order Completed", expiry);
    horizons = Map.of("p", Map.of("Order Completed", expiry));
    InboundEvent viewed = event(p, "Product Viewed", NOW);
    InboundEvent tooLate = event(p, "Order Completed", expiry.plusMillis(1));

    ProcessedEventListener forBatch = batch(viewed, tooLate);
    forBatch.onProcessed(new ProcessOutcome(p, true, 0, false), viewed);
    forBatch.onProcessed(new ProcessOutcome(p, true, 0, false), tooLate);

    assertThat(waitQueries).hasValue(0);
    assertThat(resumed).isEmpty();
  }

  @Test
  void anEventAWaitCanStillMatchQueriesAndResumesIt() {
    Profile p = person("p");
    Instant expiry = NOW.plus(Duration.ofDays(7));
    waitFor(p, "Order Completed", expiry);
    horizons = Map.of("p", Map.of("Order Completed", expiry));
    InboundEvent ordered = event(p, "Order Completed", expiry); // at its expiry: still in time

    batch(ordered).onProcessed(new ProcessOutcome(p, true, 0, false), ordered);

    assertThat(waitQueries).hasValue(1);
    assertThat(resumed).containsExactly("token-Order Completed");
  }

  @Test
  void aPersonNotReadAheadOrJoinedWithAnotherIsAskedOfTheStore() {
    Profile p = person("p");
    waitFor(p, "Order Completed", NOW.plus(Duration.ofDays(7)));
    horizons = Map.of("p", Map.of()); // read before a merge brought the other profile's waits
    InboundEvent ordered = event(p, "Order Completed", NOW);
    InboundEvent unread = event(person("q"), "Order Completed", NOW);

    ProcessedEventListener forBatch = batch(ordered);
    forBatch.onProcessed(new ProcessOutcome(p, true, 1, false), ordered); // it merged
    forBatch.onProcessed(new ProcessOutcome(person("q"), true, 0, false), unread);
    router.onProcessed(new ProcessOutcome(p, true, 0, false), ordered); // no batch read

    assertThat(waitQueries).hasValue(3);
    assertThat(resumed).containsExactly("token-Order Completed"); // once: the wait is claimed
  }

  @Test
  void aPersonTheEventCreatedHasNoWaitsToQuery() {
    Profile p = person("p");
    InboundEvent first = event(p, "Order Completed", NOW);

    router.onProcessed(new ProcessOutcome(p, true, 0, true), first);

    assertThat(waitQueries).hasValue(0);
  }
}
