package dev.waymark.functions.journeytasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.journey.JourneyCounter;
import dev.waymark.core.journey.WaitRegistration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The journey task functions, called with the payloads state machines pass, on DynamoDB Local. */
class JourneyTaskHandlersTest extends JourneyTaskFixture {

  Map<String, Object> await(String action) {
    Map<String, Object> payload = new HashMap<>();
    payload.put("profileId", sarah);
    payload.put("journeyId", "lease-renewal");
    payload.put("version", "v1");
    payload.put("runId", "run-1");
    payload.put("stepId", "await-visit");
    payload.put("taskToken", "token-1");
    payload.put("event", "Showroom Visited");
    payload.put("timeoutSeconds", 3600);
    payload.put("correlate", Map.of("field", "properties.model", "value", "ev-1"));
    payload.put(
        "filters", List.of(Map.of("field", "properties.model", "op", "equals", "value", "ev-1")));
    if (action != null) {
      payload.put("action", action);
    }
    return payload;
  }

  @Test
  void theAwaitTaskRegistersAWaitAndItsTimeoutRemovesIt() {
    AwaitTaskHandler handler = new AwaitTaskHandler(journeys.waits(), Telemetry.quiet());
    Map<String, Object> registered = handler.handleRequest(await(null), null);
    assertThat(registered)
        .containsEntry("registered", true)
        .containsEntry("expiresAt", NOW.plusSeconds(3600).toString());
    List<WaitRegistration> waits = journeys.store().waitsFor(sarah, "Showroom Visited");
    assertThat(waits).hasSize(1);
    assertThat(waits.get(0).taskToken()).isEqualTo("token-1");
    assertThat(waits.get(0).correlationValue()).isEqualTo("ev-1");
    assertThat(waits.get(0).expiresAt()).isEqualTo(NOW.plusSeconds(3600));

    assertThat(handler.handleRequest(await("cancel"), null)).containsEntry("cancelled", true);
    assertThat(journeys.store().waitsOfRun(sarah, "run-1")).isEmpty();
    assertThat(journeys.store().counters("lease-renewal", "v1"))
        .containsEntry(
            JourneyCounter.wait("await-visit", JourneyCounter.WaitOutcome.registered), 1L)
        .containsEntry(
            JourneyCounter.wait("await-visit", JourneyCounter.WaitOutcome.timed_out), 1L);
    assertThat(journeys.store().traces(sarah))
        .anySatisfy(t -> assertThat(t.decision()).isEqualTo("timed_out"));
  }

  @Test
  void anAwaitPayloadWithoutATimeoutOrWithAnUnknownOperatorNamesTheField() {
    AwaitTaskHandler handler = new AwaitTaskHandler(journeys.waits(), Telemetry.quiet());
    Map<String, Object> noTimeout = await(null);
    noTimeout.remove("timeoutSeconds");
    assertThatThrownBy(() -> handler.handleRequest(noTimeout, null))
        .isInstanceOf(TaskPayloads.InvalidTaskPayload.class)
        .hasMessageStartingWith("timeoutSeconds:");
    Map<String, Object> badOp = await(null);
    badOp.put("filters", List.of(Map.of("field", "x", "op", "resembles", "value", 1)));
    assertThatThrownBy(() -> handler.handleRequest(badOp, null))
        .isInstanceOf(TaskPayloads.InvalidTaskPayload.class)
        .hasMessageStartingWith("filters.op:");
    assertThat(journeys.store().waitsOfRun(sarah, "run-1")).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void profileFactsTellReachabilityConsentAndTraits() {
    Map<String, Object> facts =
        new ProfileFactsHandler(core.profiles(), Telemetry.quiet())
            .handleRequest(Map.of("profileId", sarah), null);
    assertThat(facts).containsEntry("profileId", sarah);
    assertThat((Map<String, Object>) facts.get("reachable"))
        .containsEntry("email", true)
        .containsEntry("sms", false)
        .containsEntry("push", false);
    assertThat((Map<String, Object>) facts.get("consent")).containsEntry("email", false);
    assertThat((Map<String, Object>) facts.get("traits")).containsEntry("plan", "gold");
  }

  @Test
  void aSendWithoutConsentSendsNothingAndSaysWhy() {
    SendTaskHandler handler =
        new SendTaskHandler(journeys.send(), journeys.waits(), Telemetry.quiet());
    Map<String, Object> payload =
        Map.of(
            "runId", "run-1",
            "journeyId", "lease-renewal",
            "stepId", "send-offer",
            "profileId", sarah,
            "channel", "email",
            "template", "lease-offer",
            "window", "any");
    Map<String, Object> outcome = handler.handleRequest(payload, null);
    assertThat(outcome).containsEntry("status", "no_consent");
    // the ledger answers the same (run, step) again without deciding anew
    assertThat(handler.handleRequest(payload, null)).containsEntry("status", "no_consent");
  }

  @Test
  void aSendToAnUnknownChannelNamesTheField() {
    SendTaskHandler handler =
        new SendTaskHandler(journeys.send(), journeys.waits(), Telemetry.quiet());
    assertThatThrownBy(
            () ->
                handler.handleRequest(
                    Map.of(
                        "runId", "run-1",
                        "journeyId", "lease-renewal",
                        "stepId", "send-offer",
                        "profileId", sarah,
                        "channels", List.of("fax"),
                        "template", "lease-offer"),
                    null))
        .isInstanceOf(TaskPayloads.InvalidTaskPayload.class)
        .hasMessageStartingWith("channels:");
  }

  /** A send payload for Sarah's lease offer, with the given fields added or replaced. */
  Map<String, Object> sendPayload(Map<String, Object> fields) {
    Map<String, Object> payload = new HashMap<>();
    payload.put("runId", "run-1");
    payload.put("journeyId", "lease-renewal");
    payload.put("stepId", "send-offer");
    payload.put("profileId", sarah);
    payload.put("channels", List.of("email"));
    payload.put("template", "lease-offer");
    payload.putAll(fields);
    return payload;
  }

  @Test
  void aSendPinnedToAVersionThatIsNotANumberNamesTheField() {
    SendTaskHandler handler =
        new SendTaskHandler(journeys.send(), journeys.waits(), Telemetry.quiet());
    assertThatThrownBy(
            () -> handler.handleRequest(sendPayload(Map.of("templateVersion", "latest")), null))
        .isInstanceOf(TaskPayloads.InvalidTaskPayload.class)
        .hasMessageStartingWith("templateVersion:");
  }

  @Test
  void aSendPinnedToAVersionThatDoesNotExistFailsTheTask() {
    SendTaskHandler handler =
        new SendTaskHandler(journeys.send(), journeys.waits(), Telemetry.quiet());
    assertThatThrownBy(() -> handler.handleRequest(sendPayload(Map.of("templateVersion", 9)), null))
        .hasMessageContaining("no template lease-offer version 9");
  }

  /** Sarah may get email; 11:00 in Warsaw, so a 20:00–21:00 window is closed until 19:00 UTC. */
  Map<String, Object> closedWindowSend(Map<String, Object> fields) {
    grantSarahEmail();
    Map<String, Object> payload = new HashMap<>(fields);
    payload.put("window", Map.of("from", "20:00", "to", "21:00"));
    return sendPayload(payload);
  }

  @Test
  void aDeferredSendFailsWithWaymarkSendDeferredNamingWhenTheWindowOpensWhenAsked() {
    SendTaskHandler handler =
        new SendTaskHandler(journeys.send(), journeys.waits(), Telemetry.quiet());
    // without onDeferred (definitions compiled before it): the answer says deferred
    assertThat(handler.handleRequest(closedWindowSend(Map.of()), null))
        .containsEntry("status", "deferred")
        .containsEntry("deferredUntil", "2026-11-24T19:00:00Z");
    assertThatThrownBy(
            () -> handler.handleRequest(closedWindowSend(Map.of("onDeferred", "error")), null))
        .isInstanceOf(Waymark.SendDeferred.class)
        .hasMessage("2026-11-24T19:00:00Z");
    // Lambda's Java runtime and the local runtime name the error by the full class name
    assertThat(Waymark.SendDeferred.class.getName()).isEqualTo("Waymark.SendDeferred");
  }

  @Test
  void theFirstSendAfterATimeOutRecordsItOnceHoweverOftenItIsDeferred() {
    new AwaitTaskHandler(journeys.waits(), Telemetry.quiet()).handleRequest(await(null), null);
    SendTaskHandler handler =
        new SendTaskHandler(journeys.send(), journeys.waits(), Telemetry.quiet());
    Map<String, Object> payload =
        closedWindowSend(
            Map.of(
                "onDeferred",
                "error",
                "timedOut",
                Map.of("stepId", "await-visit", "version", "v1")));
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> handler.handleRequest(payload, null))
          .isInstanceOf(Waymark.SendDeferred.class);
    }
    assertThat(journeys.store().waitsOfRun(sarah, "run-1")).isEmpty();
    assertThat(journeys.store().counters("lease-renewal", "v1"))
        .containsEntry(
            JourneyCounter.wait("await-visit", JourneyCounter.WaitOutcome.timed_out), 1L);
    assertThat(journeys.store().traces(sarah))
        .filteredOn(t -> t.decision().equals("timed_out"))
        .hasSize(1);
    Map<String, Object> bad = new HashMap<>(payload);
    bad.put("timedOut", "await-visit");
    assertThatThrownBy(() -> handler.handleRequest(bad, null))
        .isInstanceOf(TaskPayloads.InvalidTaskPayload.class)
        .hasMessageStartingWith("timedOut:");
  }

  @Test
  void aDeferredSendMadeInTheSameCallAsAnotherFailsTheCallUntilItsWindowOpens() {
    SendTaskHandler handler =
        new SendTaskHandler(journeys.send(), journeys.waits(), Telemetry.quiet());
    Map<String, Object> second = closedWindowSend(Map.of("stepId", "send-reminder"));
    Map<String, Object> first = sendPayload(Map.of("channels", List.of("sms"), "window", "any"));
    Map<String, Object> closed = new HashMap<>(first);
    closed.put("then", List.of(second));
    // Sarah has no phone: the first send is final (unreachable, in the ledger), the second waits
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> handler.handleRequest(closed, null))
          .isInstanceOf(Waymark.SendDeferred.class)
          .hasMessage("2026-11-24T19:00:00Z");
    }
    closed.put("then", List.of("send-reminder"));
    assertThatThrownBy(() -> handler.handleRequest(closed, null))
        .isInstanceOf(TaskPayloads.InvalidTaskPayload.class)
        .hasMessageStartingWith("then:");
  }
}
