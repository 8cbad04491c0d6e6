package dev.waymark.functions.journeytasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.aws.send.DynamoSendLedger;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.journey.JourneyCounter;
import dev.waymark.core.journey.TraceEntry;
import dev.waymark.core.json.Json;
import dev.waymark.core.message.Channel;
import dev.waymark.core.send.SendLedger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A send whose template cannot be rendered for the person answers {@code render_failed} instead of
 * failing the task: the compiled Task's Retry (which matches States.TaskFailed) never fires, and
 * the state machine goes on to the next state; sends made in the same call still happen.
 */
class SendRenderFailedTest extends JourneyTaskFixture {

  @Test
  @SuppressWarnings("unchecked")
  void aTemplateReadingATraitThePersonLacksEndsTheSendRenderFailedAndTheCallGoesOn() {
    journeys
        .templates()
        .put(
            "model-news",
            Json.parseObject(
                """
                {"email":{"subject":"News for your {{ profile.currentModel }}","text":"New."},
                 "sample":{"profile":{"currentModel":"Carvelo C3"}}}"""));
    grantSarahEmail();
    Map<String, Object> next = send("send-reminder", List.of("sms"), "lease-offer");
    Map<String, Object> payload = send("send-offer", List.of("email"), "model-news");
    payload.put("onDeferred", "error");
    payload.put("then", List.of(next));
    SendTaskHandler handler =
        new SendTaskHandler(journeys.send(), journeys.waits(), Telemetry.quiet());

    for (int call = 0; call < 2; call++) {
      Map<String, Object> answer = handler.handleRequest(payload, null);
      assertThat(answer)
          .containsEntry("status", "render_failed")
          .containsEntry(
              "reason",
              "template model-news (subject): uses {{ profile.currentModel }}, which the data does"
                  + " not have; nothing sent");
      assertThat(((List<Map<String, Object>>) answer.get("then")).get(0))
          .as("the send after it is made in the same call (Sarah has no phone)")
          .containsEntry("status", "unreachable");
    }
    assertThat(journeys.store().counters("lease-renewal", "v1"))
        .as("decided once: the second call answers from the ledger")
        .containsEntry(JourneyCounter.step("send-offer", "render_failed"), 1L);
    assertThat(journeys.store().traces(sarah))
        .extracting(TraceEntry::decision)
        .containsExactly("render_failed", "unreachable");
    assertThat(
            new DynamoSendLedger(dynamo, table, core.clock())
                .claim("run-2", "send-offer", sarah, Channel.email, "2026-11-24", 1))
        .as("the failed send gave its place under the daily email cap back")
        .isEqualTo(SendLedger.Claim.CLAIMED);
    assertThat(journeys.core().messageHistory().person(sarah, 10))
        .extracting(m -> m.status())
        .contains("render_failed");
  }

  private Map<String, Object> send(String stepId, List<String> channels, String template) {
    Map<String, Object> payload = new HashMap<>();
    payload.put("runId", "run-1");
    payload.put("journeyId", "lease-renewal");
    payload.put("stepId", stepId);
    payload.put("profileId", sarah);
    payload.put("channels", channels);
    payload.put("template", template);
    payload.put("window", "any");
    payload.put("data", Map.of("version", "v1"));
    return payload;
  }
}
