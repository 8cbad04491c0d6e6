package dev.waymark.local.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.local.LocalApi;
import dev.waymark.local.aws.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Seed 001's "interaction feedback": SMS and push delivery reports come back to the profile, over
 * the local runtime's HTTP API. A journey texts the person (push first, else SMS), waits an hour
 * and branches on the text's delivery. The carrier's report is made with {@code POST
 * /_local/outbox/{id}/delivery}, which hands an SNS delivery status log record to the same handler
 * the CloudWatch Logs subscription invokes on AWS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryFeedbackScenarioTest {
  static final Instant START = Instant.parse("2026-11-24T09:00:00Z");
  static final String JOURNEY =
      """
      {"id":"ping","entry":{"event":"Ping"},"steps":[
        {"id":"text","type":"send","channels":["push","sms"],"template":"ping","window":"any","next":"later"},
        {"id":"later","type":"wait","duration":"PT1H","next":"check"},
        {"id":"check","type":"branch",
         "conditions":[{"message":"text","status":"delivered","next":"again"}],"default":"done"},
        {"id":"again","type":"send","channels":["sms"],"template":"ping","window":"any"},
        {"id":"done","type":"exit"}]}""";
  JourneyScenario s;

  @BeforeAll
  void start() throws Exception {
    s = new JourneyScenario(START);
    assertThat(
            s.api
                .put(
                    "/v1/templates/ping",
                    """
                    {"sms":{"body":"Ping"},"push":{"title":"Ping","body":"Ping"},"sample":{"profile":{}}}""")
                .status())
        .isEqualTo(200);
    assertThat(s.api.put("/v1/journeys/ping", JOURNEY).status()).isEqualTo(200);
    assertThat(s.api.post("/v1/journeys/ping/publish", "").status()).isEqualTo(200);
    s.person("hana", "{\"phone\":\"+48 608 123 470\"}", "sms");
    s.person("ivan", "{\"phone\":\"+48 608 123 471\"}", "sms");
    s.person("kim", "{\"email\":\"kim@example.com\"}", "push");
    s.send(
        "{\"type\":\"identify\",\"userId\":\"kim\",\"identities\":{\"pushToken\":\"apns-kim\"}}");
    for (String who : List.of("hana", "ivan", "kim")) {
      s.send("{\"type\":\"track\",\"userId\":\"" + who + "\",\"event\":\"Ping\"}");
    }
  }

  @AfterAll
  void stop() {
    s.close();
  }

  LocalApi.Answer report(Outbox.Message message, String status) {
    LocalApi.Answer answer =
        s.api.post(
            "/_local/outbox/" + message.id() + "/delivery", "{\"status\":\"" + status + "\"}");
    s.runtime.awaitProcessed();
    return answer;
  }

  @Test
  void deliveredFailedAndOptedOutReachTheProfileJourneysAndSegments() {
    Outbox.Message hanaText = s.outboxFor("+48608123470").get(0);
    Outbox.Message ivanText = s.outboxFor("+48608123471").get(0);
    Outbox.Message kimPush = s.outboxFor("apns-kim").get(0);
    assertThat(report(hanaText, "delivered").status()).isEqualTo(202);
    assertThat(report(ivanText, "opted_out").status()).isEqualTo(202);
    assertThat(report(kimPush, "failed").status()).isEqualTo(202);

    JsonNode delivered = s.events("hana", "Message Delivered").get(0).path("properties");
    assertThat(delivered.path("channel").asText()).isEqualTo("sms");
    assertThat(delivered.path("status").asText()).isEqualTo("delivered");
    assertThat(delivered.path("journeyId").asText()).isEqualTo("ping");
    assertThat(delivered.path("stepId").asText()).isEqualTo("text");
    assertThat(delivered.path("templateId").asText()).isEqualTo("ping");
    assertThat(s.events("ivan", "Message Failed").get(0).path("properties").path("status").asText())
        .isEqualTo("opted_out");
    JsonNode pushFailed = s.events("kim", "Message Failed").get(0).path("properties");
    assertThat(pushFailed.path("channel").asText()).isEqualTo("push");
    assertThat(pushFailed.path("status").asText()).isEqualTo("failed");

    // a repeated report is one event (its messageId is the provider's id and the status)
    report(hanaText, "delivered");
    assertThat(s.events("hana", "Message Delivered")).hasSize(1);

    // segments count SMS and push engagement like email's
    JsonNode preview =
        s.api
            .post(
                "/v1/segments/preview",
                "{\"name\":\"Texts delivered\",\"rule\":{\"engaged\":{\"action\":\"delivered\",\"within\":\"P1D\"}}}")
            .body();
    assertThat(preview.path("size").asInt()).isEqualTo(1);

    // the journey's branch sees the delivery: only hana gets the second text
    s.advance(Duration.ofHours(1));
    assertThat(s.steps("+48608123470")).containsExactly("text", "again");
    assertThat(s.steps("+48608123471")).containsExactly("text");

    // the opted-out number is suppressed for SMS: the next text is not sent, and says why
    s.send("{\"type\":\"track\",\"userId\":\"ivan\",\"event\":\"Ping\"}");
    assertThat(s.steps("+48608123471")).containsExactly("text");
    assertThat(s.trace("ivan")).contains("send:suppressed");
  }

  @Test
  void aBadReportIsAProblemNamingTheField() {
    Outbox.Message text = s.outboxFor("+48608123470").get(0);
    LocalApi.Answer badStatus =
        s.api.post("/_local/outbox/" + text.id() + "/delivery", "{\"status\":\"read\"}");
    assertThat(badStatus.status()).isEqualTo(400);
    assertThat(badStatus.body().path("errors").get(0).path("field").asText()).isEqualTo("/status");
    assertThat(s.api.post("/_local/outbox/nope/delivery", "{\"status\":\"delivered\"}").status())
        .isEqualTo(404);
  }
}
