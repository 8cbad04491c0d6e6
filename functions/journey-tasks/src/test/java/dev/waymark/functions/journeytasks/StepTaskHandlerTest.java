package dev.waymark.functions.journeytasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.core.journey.JourneyCounter;
import dev.waymark.core.json.Json;
import dev.waymark.core.message.Channel;
import dev.waymark.core.send.SendOutcome;
import dev.waymark.core.send.SendRequest;
import dev.waymark.core.send.SendWindow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The steps task's waitUntil, branch, split and update actions, on DynamoDB Local. */
class StepTaskHandlerTest extends JourneyTaskFixture {

  @Test
  void waitUntilIsComputedInThePersonsZone() {
    Map<String, Object> p = payload("waitUntil", "run-1", "morning");
    p.put("until", Map.of("timeOfDay", "09:00"));
    // 10:00 UTC is 11:00 in Warsaw: tomorrow 09:00 CET
    assertThat(handler().handleRequest(p, null)).containsEntry("until", "2026-11-25T08:00:00Z");
    p.put("until", Map.of("date", "traits.leaseEnd", "offset", "-P1D", "timeOfDay", "09:00"));
    // 28 March 2027 is the day clocks go forward: 09:00 CEST
    assertThat(handler().handleRequest(p, null)).containsEntry("until", "2027-03-28T07:00:00Z");
  }

  @Test
  void aWaitOnADateThePersonLacksEndsNowAndSaysWhy() {
    Map<String, Object> p = payload("waitUntil", "run-1", "before-birthday");
    p.put("until", Map.of("date", "traits.birthday", "offset", "-P7D"));
    assertThat(handler().handleRequest(p, null)).containsEntry("until", NOW.toString());
    assertThat(journeys.store().traces(sarah))
        .anySatisfy(
            t -> {
              assertThat(t.decision()).isEqualTo("no_date");
              assertThat(t.reason()).contains("traits.birthday");
            });
    p.put("until", Map.of("timeOfDay", "25:00"));
    assertThatThrownBy(() -> handler().handleRequest(p, null))
        .hasMessageStartingWith("until.timeOfDay:");
  }

  Map<String, Object> branch(String runId, Map<String, Object> first) {
    Map<String, Object> p = payload("branch", runId, "decide");
    p.put(
        "conditions",
        List.of(
            first,
            Map.of("entry", "properties.price", "op", "greaterThan", "value", 1000, "next", "b"),
            Map.of("segment", "vip", "member", true, "next", "c"),
            Map.of("message", "confirmation", "status", "opened", "next", "d")));
    p.put("default", "e");
    return p;
  }

  @Test
  void theFirstConditionThatHoldsChoosesTheNextStep() {
    StepTaskHandler h = handler();
    assertThat(
            h.handleRequest(
                branch(
                    "run-1",
                    Map.of("trait", "country", "op", "equals", "value", "PL", "next", "a")),
                null))
        .containsEntry("next", "a");
    assertThat(
            h.handleRequest(
                branch(
                    "run-2",
                    Map.of(
                        "entry",
                        "properties.price",
                        "op",
                        "greaterThan",
                        "value",
                        100,
                        "next",
                        "b2")),
                null))
        .containsEntry("next", "b2");
    Map<String, Object> none =
        branch("run-3", Map.of("segment", "vip", "member", false, "next", "not-vip"));
    assertThat(h.handleRequest(none, null)).containsEntry("next", "not-vip");
    assertThat(
            h.handleRequest(
                branch(
                    "run-4",
                    Map.of("trait", "country", "op", "equals", "value", "DE", "next", "a")),
                null))
        .containsEntry("next", "e");
    assertThat(journeys.store().traces(sarah))
        .anySatisfy(t -> assertThat(t.kind()).isEqualTo("branch"));
  }

  @Test
  void aBranchCountsTheWayEachRunTookOnceAndARetryAnswersThatWay() {
    StepTaskHandler h = handler();
    Map<String, Object> pl = Map.of("trait", "country", "op", "equals", "value", "PL", "next", "a");
    Map<String, Object> de = Map.of("trait", "country", "op", "equals", "value", "DE", "next", "a");
    h.handleRequest(branch("run-1", pl), null);
    assertThat(h.handleRequest(branch("run-1", pl), null)).containsEntry("next", "a");
    h.handleRequest(branch("run-2", pl), null);
    assertThat(h.handleRequest(branch("run-3", de), null)).containsEntry("next", "e");
    // retried after Sarah's country condition would now hold: the run's way stays the default
    assertThat(h.handleRequest(branch("run-3", pl), null)).containsEntry("next", "e");
    Map<String, Object> again = branch("run-3", pl);
    again.put("iteration", 1);
    assertThat(h.handleRequest(again, null))
        .as("a new time round a loop")
        .containsEntry("next", "a");
    Map<JourneyCounter, Long> counters = journeys.store().counters("lease-renewal", "1");
    assertThat(counters)
        .containsEntry(JourneyCounter.branch("decide", 0), 3L)
        .containsEntry(JourneyCounter.branch("decide", -1), 1L)
        .doesNotContainKey(JourneyCounter.branch("decide", 1));
    assertThat(
            journeys.store().traces(sarah).stream()
                .filter(t -> t.key().equals("run-3#decide#branch")))
        .singleElement()
        .satisfies(t -> assertThat(t.decision()).isEqualTo("e"));
  }

  @Test
  void anEngagementConditionReadsTheRunsMessagesAndTheirFeedback() {
    SendRequest sent =
        new SendRequest(
            "run-1",
            "lease-renewal",
            "confirmation.email",
            sarah,
            List.of(Channel.email),
            "lease-offer",
            null,
            Json.object(),
            Json.object(),
            SendWindow.ANY_TIME,
            null,
            null);
    journeys
        .messageLog()
        .record(
            sarah,
            NOW,
            sent,
            new SendOutcome(SendOutcome.Status.sent, Channel.email, "s@x", "m-1", null, "sent"));
    Map<String, Object> noMatch = Map.of("trait", "country", "op", "equals", "value", "DE");
    assertThat(handler().handleRequest(branch("run-1", noMatch), null)).containsEntry("next", "e");
    // the open arrives before the delivery report: both are kept, and opened holds
    journeys.messageLog().updateStatus("m-1", "open", NOW);
    journeys.messageLog().updateStatus("m-1", "delivery", NOW);
    // the next time round a repeat loop of the same run
    Map<String, Object> again = branch("run-1", noMatch);
    again.put("iteration", 1);
    assertThat(handler().handleRequest(again, null)).containsEntry("next", "d");
    assertThat(journeys.messageLog().feedback(sarah, "run-1", "confirmation"))
        .containsExactly("delivery", "open");
    // another run's branch does not see this run's message
    assertThat(handler().handleRequest(branch("run-2", noMatch), null)).containsEntry("next", "e");
    assertThat(journeys.messageLog().feedback(sarah, "run-1", "confirm")).isEmpty();
  }

  Map<String, Object> split(String runId) {
    Map<String, Object> p = payload("split", runId, "ab");
    p.put(
        "variants",
        List.of(
            Map.of("name", "a", "percent", 50, "next", "x"),
            Map.of("name", "b", "percent", 50, "next", "y")));
    return p;
  }

  @Test
  void aSplitAnswersTheSameVariantAndCountsItOncePerRun() {
    StepTaskHandler h = handler();
    Map<String, Object> first = h.handleRequest(split("run-1"), null);
    assertThat(h.handleRequest(split("run-1"), null)).isEqualTo(first);
    assertThat(first.get("next")).isEqualTo(first.get("variant").equals("a") ? "x" : "y");
    for (int i = 2; i <= 6; i++) {
      h.handleRequest(split("run-" + i), null);
    }
    Map<JourneyCounter, Long> counters = journeys.store().counters("lease-renewal", "1");
    long a = counters.getOrDefault(JourneyCounter.split("ab", "a"), 0L);
    long b = counters.getOrDefault(JourneyCounter.split("ab", "b"), 0L);
    assertThat(a + b).isEqualTo(6);
    assertThat(journeys.store().traces(sarah).stream().filter(t -> t.kind().equals("split")))
        .hasSize(6)
        .anySatisfy(t -> assertThat(t.decision()).isEqualTo(first.get("variant")));
  }

  @Test
  void anUpdateIsAppliedOnceHoweverOftenTheTaskIsRetried() {
    Map<String, Object> p = payload("update", "run-1", "mark");
    p.put("set", Map.of("lastOffer", "lease-2027"));
    p.put("increment", Map.of("offersSent", 1));
    StepTaskHandler h = handler();
    assertThat(h.handleRequest(p, null))
        .containsEntry("updated", List.of("lastOffer", "offersSent"));
    h.handleRequest(p, null);
    var traits = core.profiles().resolve(sarah).orElseThrow().traits().values();
    assertThat(traits.path("offersSent").asLong()).isEqualTo(2);
    assertThat(traits.path("offersSent").isIntegralNumber()).isTrue();
    assertThat(traits.path("lastOffer").asText()).isEqualTo("lease-2027");
    // the same step in another run is another update; so is another time round a repeat loop
    Map<String, Object> again = payload("update", "run-2", "mark");
    again.put("increment", Map.of("offersSent", 2.5));
    h.handleRequest(again, null);
    h.handleRequest(again, null);
    again.put("iteration", 1);
    h.handleRequest(again, null);
    h.handleRequest(again, null);
    assertThat(
            core.profiles()
                .resolve(sarah)
                .orElseThrow()
                .traits()
                .values()
                .path("offersSent")
                .asDouble())
        .isEqualTo(7.0);
  }

  @Test
  void aPayloadAnActionGetsWrongNamesTheField() {
    StepTaskHandler h = handler();
    assertThatThrownBy(() -> h.handleRequest(payload("jump", "run-1", "s"), null))
        .isInstanceOf(TaskPayloads.InvalidTaskPayload.class)
        .hasMessageStartingWith("action:");
    Map<String, Object> bad = split("run-1");
    bad.put("variants", List.of(Map.of("name", "a", "percent", 60)));
    assertThatThrownBy(() -> h.handleRequest(bad, null)).hasMessageStartingWith("variants:");
    Map<String, Object> inc = payload("update", "run-1", "mark");
    inc.put("increment", Map.of("offersSent", "one"));
    assertThatThrownBy(() -> h.handleRequest(inc, null))
        .hasMessageStartingWith("increment.offersSent:");
  }
}
