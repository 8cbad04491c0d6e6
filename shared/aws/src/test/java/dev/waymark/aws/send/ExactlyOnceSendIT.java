package dev.waymark.aws.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.aws.dynamo.LocalDynamo;
import dev.waymark.aws.journey.DynamoJourneyStore;
import dev.waymark.aws.promo.DynamoCodePools;
import dev.waymark.aws.template.DynamoLayoutStore;
import dev.waymark.aws.template.DynamoTemplateStore;
import dev.waymark.core.click.ClickLinks;
import dev.waymark.core.click.RedirectHosts;
import dev.waymark.core.event.EventBatchValidator;
import dev.waymark.core.journey.JourneyCounter;
import dev.waymark.core.json.Json;
import dev.waymark.core.message.Channel;
import dev.waymark.core.message.RenderedMessage;
import dev.waymark.core.message.TemplateRenderer;
import dev.waymark.core.profile.ConsentChannel;
import dev.waymark.core.profile.ConsentDecision;
import dev.waymark.core.profile.ConsentRequest;
import dev.waymark.core.profile.ProfileService;
import dev.waymark.core.promo.CodePools;
import dev.waymark.core.secret.KeyRing;
import dev.waymark.core.secret.SignedTokens;
import dev.waymark.core.secret.SigningKeys;
import dev.waymark.core.send.Deliveries;
import dev.waymark.core.send.FrequencyCaps;
import dev.waymark.core.send.SendOutcome;
import dev.waymark.core.send.SendRecords;
import dev.waymark.core.send.SendRequest;
import dev.waymark.core.send.SendService;
import dev.waymark.core.send.SendWindow;
import dev.waymark.core.send.UnsubscribeLinks;
import dev.waymark.core.template.LayoutService;
import dev.waymark.core.template.ShippedTemplates;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Each (run, step) sends exactly once, even when the send task fails after the provider took the
 * message and Step Functions retries it. The ledger, caps and log are the real DynamoDB adapters;
 * only the provider is a recorder.
 */
class ExactlyOnceSendIT {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
  final List<String> delivered = new CopyOnWriteArrayList<>();
  final AtomicBoolean failBeforeRecording = new AtomicBoolean();
  final AtomicBoolean failAfterRecording = new AtomicBoolean();
  final java.util.concurrent.atomic.AtomicReference<String> refusal =
      new java.util.concurrent.atomic.AtomicReference<>();
  DynamoDbClient dynamo;
  String table;
  ProfileService profiles;
  SendService send;
  String profileId;
  CodePools codes;

  @BeforeEach
  void setUp() {
    dynamo = LocalDynamo.client();
    table = LocalDynamo.newTable();
    profiles = new ProfileService(LocalDynamo.profileStore(dynamo, table, CLOCK), CLOCK);
    Deliveries recorder =
        new Deliveries() {
          @Override
          public String deliver(
              Channel channel, String address, RenderedMessage message, Map<String, String> tags) {
            delivered.add(address + ":" + message.subject());
            return "provider-" + delivered.size();
          }

          @Override
          public java.util.Optional<String> refusal(Channel channel, String address) {
            return java.util.Optional.ofNullable(refusal.get());
          }
        };
    SendRecords realRecords = new DynamoSendRecords(dynamo, table, CLOCK);
    SendRecords failing =
        new SendRecords() {
          @Override
          public Prior prior(
              String runId,
              String stepId,
              List<Address> addresses,
              java.util.Optional<String> layout) {
            return realRecords.prior(runId, stepId, addresses, layout);
          }

          @Override
          public void finish(Finished finished) {
            if (failBeforeRecording.getAndSet(false)) {
              throw new IllegalStateException("Lambda timed out before recording the outcome");
            }
            realRecords.finish(finished);
            if (failAfterRecording.getAndSet(false)) {
              throw new IllegalStateException("Lambda timed out after recording the outcome");
            }
          }
        };
    codes = new DynamoCodePools(dynamo, table, CLOCK);
    DynamoTemplateStore templates = new DynamoTemplateStore(dynamo, table);
    // the layouts in the table, as deployed: the send reads them with its other records
    LayoutService layouts = new LayoutService(new DynamoLayoutStore(dynamo, table), CLOCK);
    ShippedTemplates.publishLayouts(getClass().getClassLoader(), layouts);
    TemplateRenderer renderer = layouts.renderer();
    ShippedTemplates.publish(getClass().getClassLoader(), templates, renderer, CLOCK.instant());
    send =
        new SendService(
            profiles,
            templates,
            renderer,
            new DynamoSendLedger(dynamo, table, CLOCK),
            failing,
            recorder,
            new DynamoJourneyStore(dynamo, table),
            new FrequencyCaps(Map.of(Channel.email, 3, Channel.sms, 2, Channel.push, 3)),
            new UnsubscribeLinks(
                "https://api.example.com",
                new SignedTokens(KeyRing.fixed(SigningKeys.random()), CLOCK),
                UnsubscribeLinks.DEFAULT_LIFETIME,
                CLOCK),
            new ClickLinks(
                "https://api.example.com",
                new SignedTokens(KeyRing.fixed(SigningKeys.random()), CLOCK),
                RedirectHosts.parse("*.example.com"),
                ClickLinks.DEFAULT_LIFETIME,
                CLOCK),
            ZoneOffset.UTC,
            CLOCK,
            codes);
    profileId =
        profiles
            .process(
                new EventBatchValidator()
                    .validate(
                        "{\"batch\":[{\"type\":\"identify\",\"messageId\":\"i\",\"userId\":\"ada\",\"traits\":{\"email\":\"ada@example.com\",\"firstName\":\"Ada\"}}]}",
                        CLOCK.instant())
                    .get(0))
            .profileId();
    profiles.recordConsents(
        profileId,
        List.of(
            new ConsentRequest.Change(
                ConsentChannel.EMAIL,
                null,
                new ConsentDecision(
                    ConsentDecision.ConsentStatus.granted, "test", CLOCK.instant()))));
  }

  SendRequest step(String runId) {
    return new SendRequest(
        runId,
        "action-based-engagement",
        "favorite-offer",
        profileId,
        List.of(Channel.email),
        "favorite-offer",
        "offers",
        Json.object(),
        Json.object(),
        SendWindow.ANY_TIME,
        null,
        null);
  }

  SendRequest offer(String runId, String stepId) {
    return new SendRequest(
        runId,
        "first-purchase",
        stepId,
        profileId,
        List.of(Channel.email),
        "second-order-offer",
        "offers",
        Json.object(),
        Json.object(),
        SendWindow.ANY_TIME,
        null,
        "second-order");
  }

  @Test
  void aStepAndItsAlsoSendsCarryOneCodeAndNoCodeIsGivenTwice() {
    codes.add("first-purchase", "second-order", List.of("C-1", "C-2"));
    send.send(offer("run-a", "second-order-offer"));
    send.send(offer("run-a", "second-order-offer.push"));
    send.send(offer("run-b", "second-order-offer"));
    assertThat(delivered).hasSize(3);
    String a = delivered.get(0).replaceAll(".*: ", "");
    assertThat(delivered.get(1)).endsWith(": " + a);
    assertThat(List.of(a, delivered.get(2).replaceAll(".*: ", "")))
        .containsExactlyInAnyOrder("C-1", "C-2");
    assertThat(codes.counts("first-purchase", "second-order"))
        .contains(new CodePools.PoolCounts("second-order", 2, 2));
  }

  @Test
  void anExhaustedPoolSendsNothingAndGivesTheCapPlaceBack() {
    SendOutcome none = send.send(offer("run-none", "second-order-offer"));
    assertThat(none.status()).isEqualTo(SendOutcome.Status.code_pool_exhausted);
    assertThat(none.reason())
        .isEqualTo(
            "code pool second-order of journey first-purchase has no code left; nothing sent");
    assertThat(send.send(offer("run-none", "second-order-offer"))).isEqualTo(none);
    assertThat(delivered).isEmpty();
    for (int i = 0; i < 3; i++) {
      assertThat(send.send(step("run-then-" + i)).status()).isEqualTo(SendOutcome.Status.sent);
    }
  }

  @Test
  void aRetryAfterTheTaskFailedPastItsRecordsAnswersTheSameWithoutSending() {
    failAfterRecording.set(true);
    assertThatThrownBy(() -> send.send(step("run-1"))).hasMessageContaining("timed out");
    SendOutcome retried = send.send(step("run-1"));
    assertThat(delivered).hasSize(1);
    assertThat(retried.status()).isEqualTo(SendOutcome.Status.sent);
    assertThat(retried.messageId()).isEqualTo("provider-1");
  }

  @Test
  void aRetryAfterTheTaskFailedBetweenDeliveryAndItsRecordsIsInDoubtAndDoesNotSendAgain() {
    failBeforeRecording.set(true);
    assertThatThrownBy(() -> send.send(step("run-1b"))).hasMessageContaining("timed out");
    SendOutcome retried = send.send(step("run-1b"));
    assertThat(delivered).hasSize(1);
    assertThat(retried.status()).isEqualTo(SendOutcome.Status.in_doubt);
    assertThat(new DynamoMessageLog(dynamo, table).sent("provider-1")).isEmpty();
  }

  @Test
  void aSentStepIsRecordedWholeInOneWrite() {
    SendOutcome sent = send.send(step("run-whole"));
    assertThat(new DynamoSendLedger(dynamo, table, CLOCK).find("run-whole", "favorite-offer"))
        .contains(sent);
    assertThat(new DynamoMessageLog(dynamo, table).sent(sent.messageId()))
        .hasValueSatisfying(m -> assertThat(m.runId()).isEqualTo("run-whole"));
    DynamoJourneyStore journeys = new DynamoJourneyStore(dynamo, table);
    assertThat(journeys.traces(profileId))
        .anySatisfy(t -> assertThat(t.key()).isEqualTo("run-whole#favorite-offer"));
    assertThat(journeys.counters("action-based-engagement", "unversioned"))
        .containsEntry(JourneyCounter.step("favorite-offer", "sent"), 1L);
  }

  @Test
  void anAddressOnTheSuppressionListIsRefusedWhateverItsCase() {
    new DynamoSuppressions(dynamo, table, CLOCK)
        .suppress(Channel.email, " ADA@example.com ", "bounce");
    SendOutcome refused = send.send(step("run-suppressed"));
    assertThat(refused.status()).isEqualTo(SendOutcome.Status.suppressed);
    assertThat(delivered).isEmpty();
    assertThat(send.send(step("run-suppressed"))).isEqualTo(refused);
  }

  @Test
  void aRepeatedStepAnswersTheSameWithoutSending() {
    SendOutcome first = send.send(step("run-2"));
    SendOutcome again = send.send(step("run-2"));
    assertThat(again).isEqualTo(first);
    assertThat(delivered).hasSize(1);
  }

  @Test
  void anAddressTheProviderRefusesIsUnreachableNeverSentAndTakesNoCap() {
    refusal.set("SMS goes only to E.164 phone numbers");
    SendOutcome refused = send.send(step("run-refused"));
    assertThat(refused.status()).isEqualTo(SendOutcome.Status.unreachable);
    assertThat(refused.reason()).isEqualTo("SMS goes only to E.164 phone numbers");
    assertThat(delivered).isEmpty();
    refusal.set(null);
    for (int i = 0; i < 3; i++) {
      assertThat(send.send(step("run-after-" + i)).status()).isEqualTo(SendOutcome.Status.sent);
    }
  }

  @Test
  void theDailyCapIsSharedAcrossRunsAndJourneys() {
    for (int i = 0; i < 4; i++) {
      send.send(step("run-cap-" + i));
    }
    assertThat(delivered).hasSize(3);
    assertThat(send.send(step("run-cap-3")).status()).isEqualTo(SendOutcome.Status.capped);
  }

  @Test
  void concurrentRetriesOfOneStepSendOnce() throws Exception {
    List<Thread> threads = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      threads.add(Thread.ofPlatform().start(() -> send.send(step("run-race"))));
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(delivered).hasSize(1);
  }
}
