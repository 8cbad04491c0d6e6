package dev.waymark.local.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.functions.journeytasks.SendTaskHandler;
import dev.waymark.local.LocalApi;
import dev.waymark.local.aws.Outbox;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Templates as data through the local runtime's HTTP API: the shipped templates are in the store at
 * start, test sends reach the local SES/SNS endpoints (the outbox) only for addresses on the test
 * list, previews render against a person or given data, and a send pinned to a version keeps it.
 */
class TemplatesEndToEndTest {
  static JourneyScenario scenario;
  static LocalApi api;

  @BeforeAll
  static void start() throws Exception {
    scenario = new JourneyScenario(Instant.parse("2026-11-24T10:00:00Z"));
    api = scenario.api;
  }

  @AfterAll
  static void stop() {
    scenario.close();
  }

  @Test
  void theShippedTemplatesArePublishedAtStart() {
    JsonNode list = api.get("/v1/templates").body().path("templates");
    List<String> shipped =
        list.findValuesAsText("id").stream()
            .filter(id -> !List.of("greeting", "pinned").contains(id)) // put by other tests here
            .toList();
    assertThat(shipped)
        .contains("test-drive-confirmation", "lease-offer", "final-notice-sms", "welcome")
        .hasSize(27);
    LocalApi.Answer one = api.get("/v1/templates/test-drive-sms");
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.body().path("document").path("sms").path("body").asText())
        .startsWith("Carvelo: your test drive is today");
  }

  @Test
  void aTestSendGoesOnlyToTheTestListThroughTheLocalProviders() {
    assertThat(
            api.put(
                    "/v1/settings/test-recipients",
                    "{\"addresses\":[\"qa@carvelo.example\",\"+48601234567\"]}")
                .status())
        .isEqualTo(200);
    int before = scenario.runtime.outbox().messages().size();

    LocalApi.Answer stranger =
        api.post(
            "/v1/templates/test-drive-confirmation/test-send",
            "{\"to\":\"stranger@example.com\",\"channel\":\"email\"}");
    assertThat(stranger.status()).isEqualTo(400);
    assertThat(stranger.body().path("errors").findValuesAsText("field")).containsExactly("/to");
    assertThat(scenario.runtime.outbox().messages()).hasSize(before);

    LocalApi.Answer email =
        api.post(
            "/v1/templates/test-drive-confirmation/test-send",
            "{\"to\":\"QA@carvelo.example\",\"channel\":\"email\"}");
    assertThat(email.status()).isEqualTo(200);
    LocalApi.Answer sms =
        api.post(
            "/v1/templates/test-drive-sms/test-send",
            "{\"to\":\"+48601234567\",\"channel\":\"sms\"}");
    assertThat(sms.status()).isEqualTo(200);

    List<Outbox.Message> sent = scenario.outboxFor("qa@carvelo.example");
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).subject()).isEqualTo("Your test drive is booked");
    assertThat(sent.get(0).html()).contains("Hi Sarah", "Carvelo Warsaw");
    assertThat(sent.get(0).tags())
        .containsEntry("test", "true")
        .containsEntry("templateId", "test-drive-confirmation")
        .doesNotContainKey("journeyId");
    assertThat(sent.get(0).id()).isEqualTo(email.body().path("messageId").asText());
    assertThat(scenario.outboxFor("+48601234567"))
        .extracting(Outbox.Message::body)
        .containsExactly(
            "Carvelo: your test drive is today at 10:30, Carvelo Warsaw, Grzybowska 5.");
  }

  @Test
  void aPreviewRendersAgainstAPersonAndFlagsWhatTheyLack() {
    String sample =
        "{\"email\":{\"subject\":\"Hi {{ profile.firstName }} {{ profile.lastName }}\","
            + "\"text\":\"Sent to {{ address }}\"},"
            + "\"sample\":{\"profile\":{\"firstName\":\"Sam\",\"lastName\":\"Lee\"}}}";
    assertThat(api.put("/v1/templates/greeting", sample).status()).isEqualTo(200);
    String bo = scenario.person("bo", "{\"email\":\"bo@example.com\",\"firstName\":\"Bo\"}");

    JsonNode byProfile =
        api.post("/v1/templates/greeting/preview", "{\"profileId\":\"" + bo + "\"}").body();
    assertThat(byProfile.path("channels").path("email").path("subject").asText())
        .isEqualTo("Hi Bo ");
    assertThat(byProfile.path("channels").path("email").path("text").asText())
        .isEqualTo("Sent to bo@example.com");
    assertThat(byProfile.path("missing").findValuesAsText("variable"))
        .containsExactly("profile.lastName");

    JsonNode byData =
        api.post(
                "/v1/templates/greeting/preview",
                "{\"data\":{\"profile\":{\"firstName\":\"Cy\",\"lastName\":\"Diaz\"}}}")
            .body();
    assertThat(byData.path("channels").path("email").path("subject").asText())
        .isEqualTo("Hi Cy Diaz");
    assertThat(byData.path("missing").isEmpty()).isTrue();
  }

  @Test
  void aSendPinnedToVersionOneKeepsRenderingItAfterVersionTwoIsPut() {
    String v1 =
        "{\"email\":{\"subject\":\"One for {{ profile.firstName }}\",\"text\":\"v1\"},"
            + "\"sample\":{\"profile\":{\"firstName\":\"Sam\"}}}";
    assertThat(api.put("/v1/templates/pinned", v1).body().path("version").asInt()).isEqualTo(1);
    assertThat(
            api.put("/v1/templates/pinned", v1.replace("One for", "Two for"))
                .body()
                .path("version")
                .asInt())
        .isEqualTo(2);
    String ada =
        scenario.person("ada", "{\"email\":\"ada@example.com\",\"firstName\":\"Ada\"}", "email");
    SendTaskHandler send =
        new SendTaskHandler(
            scenario.runtime.journeyServices().send(),
            scenario.runtime.journeyServices().waits(),
            Telemetry.quiet());

    send.handleRequest(sendPayload(ada, "run-pinned", "1"), null);
    send.handleRequest(sendPayload(ada, "run-latest", null), null);

    assertThat(scenario.outboxFor("ada@example.com"))
        .extracting(Outbox.Message::subject)
        .containsExactly("One for Ada", "Two for Ada");
  }

  private static Map<String, Object> sendPayload(String profileId, String runId, String version) {
    Map<String, Object> payload = new HashMap<>();
    payload.put("runId", runId);
    payload.put("journeyId", "test-drive");
    payload.put("stepId", "confirmation");
    payload.put("profileId", profileId);
    payload.put("channels", List.of("email"));
    payload.put("template", "pinned");
    payload.put("window", "any");
    if (version != null) {
      payload.put("templateVersion", version);
    }
    return payload;
  }
}
