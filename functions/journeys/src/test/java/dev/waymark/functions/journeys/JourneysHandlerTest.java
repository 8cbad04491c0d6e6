package dev.waymark.functions.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.journey.JourneyServices;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.journey.EntryDecision;
import dev.waymark.core.journey.JourneyCounter;
import dev.waymark.core.journey.JourneyRun;
import dev.waymark.core.journey.JourneyStore;
import dev.waymark.core.journey.publish.ShippedJourneys;
import dev.waymark.core.json.Json;
import dev.waymark.core.message.Channel;
import dev.waymark.core.profile.ConsentChannel;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The journeys API through the handler, on journey state in DynamoDB Local. */
class JourneysHandlerTest {
  static final Instant NOW = JourneysApiFixture.NOW;
  JourneysApiFixture api;
  WaymarkServices core;
  JourneyServices journeys;

  @BeforeEach
  void freshTable() throws Exception {
    api = new JourneysApiFixture();
    core = api.core;
    journeys = api.journeys;
    ShippedJourneys.publishAll(journeys.publisher(), getClass().getClassLoader());
  }

  @AfterEach
  void stopEndpoint() {
    api.close();
  }

  JourneysApiFixture.Answer call(
      String routeKey, Map<String, String> path, Map<String, String> query) {
    return api.call(routeKey, path, query);
  }

  @Test
  void listsTheShippedJourneysAndShowsOneWithItsStateMachine() {
    JourneysApiFixture.Answer list = call("GET /v1/journeys", Map.of(), Map.of());

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body().path("journeys").findValuesAsText("id"))
        .contains("lease-renewal", "payment-reminders", "welcome-double-opt-in");
    JourneysApiFixture.Answer one =
        call("GET /v1/journeys/{id}", Map.of("id", "lease-renewal"), Map.of());
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.body().path("state").asText()).isEqualTo("live");
    assertThat(one.body().path("asl").path("States").isObject()).isTrue();
    assertThat(one.body().path("draft").path("id").asText()).isEqualTo("lease-renewal");
    assertThat(one.body().path("live").path("version").asInt()).isEqualTo(1);
    assertThat(one.body().path("versions").findValuesAsText("version")).containsExactly("1");
    assertThat(one.body().has("webhookSecret")).isFalse();
  }

  @Test
  void anUnknownJourneyOrProfileIsA404() {
    assertThat(call("GET /v1/journeys/{id}", Map.of("id", "nope"), Map.of()).status())
        .isEqualTo(404);
    assertThat(call("GET /v1/journeys/{id}/stats", Map.of("id", "nope"), Map.of()).status())
        .isEqualTo(404);
    assertThat(call("GET /v1/profiles/{id}/journeys", Map.of("id", "nope"), Map.of()).status())
        .isEqualTo(404);
    assertThat(call("GET /v1/nothing", Map.of(), Map.of()).status()).isEqualTo(404);
  }

  @Test
  void statsAddUpTheCountersOfEachVersion() {
    JourneyStore store = journeys.store();
    store.recordRun(
        new JourneyRun(
            "run-1",
            "lease-renewal",
            "v1",
            "p-1",
            null,
            NOW,
            JourneyRun.RunStatus.running,
            "m-1",
            null));
    store.count("lease-renewal", "v1", JourneyCounter.ENTERED, 4);
    store.count("lease-renewal", "v1", JourneyCounter.HELD_OUT, 2);
    store.count("lease-renewal", "v1", JourneyCounter.GOAL, 1);
    store.count("lease-renewal", "v1", JourneyCounter.GOAL_HELD_OUT, 1);
    store.count("lease-renewal", "v1", JourneyCounter.refused(EntryDecision.LOCKED), 3);
    store.count(
        "lease-renewal",
        "v1",
        JourneyCounter.wait("await-visit", JourneyCounter.WaitOutcome.registered),
        3);
    store.count(
        "lease-renewal",
        "v1",
        JourneyCounter.wait("await-visit", JourneyCounter.WaitOutcome.performed),
        1);
    store.count("lease-renewal", "v1", JourneyCounter.step("send-offer", "sent"), 2);

    JourneysApiFixture.Answer stats =
        call("GET /v1/journeys/{id}/stats", Map.of("id", "lease-renewal"), Map.of());
    assertThat(stats.status()).isEqualTo(200);
    JsonNode v1 = stats.body().path("versions").path(0);
    assertThat(v1.path("version").asText()).isEqualTo("v1");
    assertThat(v1.path("entered").asLong()).isEqualTo(4);
    assertThat(v1.path("heldOut").asLong()).isEqualTo(2);
    assertThat(v1.path("goalReached").asLong()).isEqualTo(1);
    assertThat(v1.path("waiting").asLong()).isEqualTo(2);
    assertThat(v1.path("conversionRate").asDouble()).isEqualTo(0.25);
    assertThat(v1.path("holdoutConversionRate").asDouble()).isEqualTo(0.5);
    assertThat(v1.path("refused").path("locked").asLong()).isEqualTo(3);
    assertThat(v1.path("steps").path("step:send-offer:sent").asLong()).isEqualTo(2);
    assertThat(v1.path("steps").path("wait:await-visit:registered").asLong()).isEqualTo(3);
  }

  @Test
  void aPersonsRunsAndTraceAreShown() {
    String profileId =
        core.profiles()
            .process(
                new InboundEvent(
                    Json.parseObject(
                        "{\"type\":\"identify\",\"messageId\":\"i1\",\"userId\":\"sarah\"}"),
                    NOW))
            .profileId();
    journeys
        .store()
        .recordRun(
            new JourneyRun(
                "run-9",
                "lease-renewal",
                "v1",
                profileId,
                null,
                NOW,
                JourneyRun.RunStatus.held_out,
                "i1",
                null));
    JourneysApiFixture.Answer answer =
        call("GET /v1/profiles/{id}/journeys", Map.of("id", profileId), Map.of());
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("runs").path(0).path("runId").asText()).isEqualTo("run-9");
    assertThat(answer.body().path("runs").path(0).path("status").asText()).isEqualTo("held_out");
    assertThat(answer.body().path("trace").isArray()).isTrue();
  }

  @Test
  void theUnsubscribeLinkRecordsADeniedConsentAndRefusesForgedTokens() {
    String profileId =
        core.profiles()
            .process(
                new InboundEvent(
                    Json.parseObject(
                        "{\"type\":\"identify\",\"messageId\":\"i1\",\"userId\":\"sarah\"}"),
                    NOW))
            .profileId();
    String token = journeys.unsubscribe().token(profileId, Channel.email, "offers");
    JourneysApiFixture.Answer done = call("POST /v1/unsubscribe", Map.of(), Map.of("token", token));
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.body().path("topic").asText()).isEqualTo("offers");
    assertThat(
            core.profiles()
                .resolve(profileId)
                .orElseThrow()
                .consents()
                .allows(ConsentChannel.EMAIL, "offers"))
        .isFalse();

    JourneysApiFixture.Answer forged =
        call("GET /v1/unsubscribe", Map.of(), Map.of("token", token + "x"));
    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.body().toString()).contains("token");
    JourneysApiFixture.Answer missing = call("GET /v1/unsubscribe", Map.of(), Map.of());
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body().toString()).contains("token");
    var consentsBefore = core.profiles().resolve(profileId).orElseThrow().consents();
    String expired =
        journeys.tokens().sign("unsubscribe", profileId + "|email|news", NOW.minusSeconds(1));
    JourneysApiFixture.Answer late =
        call("GET /v1/unsubscribe", Map.of(), Map.of("token", expired));
    assertThat(late.status()).isEqualTo(400);
    assertThat(late.body().path("detail").asText())
        .isEqualTo(
            "token: this unsubscribe link has expired (links work for 90 days); use the link in a newer message");
    assertThat(core.profiles().resolve(profileId).orElseThrow().consents())
        .isEqualTo(consentsBefore);
  }

  @Test
  void theJourneysFunctionNoLongerServesThePublicUnsubscribeRoute() {
    var response =
        api.handler.handleRequest(
            com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("GET /v1/unsubscribe")
                .withQueryStringParameters(
                    Map.of("token", journeys.unsubscribe().token("p", Channel.email, null)))
                .build(),
            null);
    assertThat(response.getStatusCode()).isEqualTo(404);
  }
}
