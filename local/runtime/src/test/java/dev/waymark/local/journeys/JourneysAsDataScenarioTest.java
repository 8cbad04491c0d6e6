package dev.waymark.local.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.json.Json;
import dev.waymark.local.LocalApi;
import dev.waymark.local.aws.Outbox;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Journeys as data as a new user meets them, through the local runtime's HTTP API only: templates
 * and a journey with a split and a webhook drafted as documents, published, entered, advanced on
 * the virtual clock; the messages, the signed webhook calls and the per-variant stats; a second
 * version, with another follow-up, published while the first version's runs wait.
 */
class JourneysAsDataScenarioTest {
  static final Instant MONDAY_10AM_UTC = Instant.parse("2026-11-23T10:00:00Z");
  static final String JOURNEY = "/v1/journeys/spring-offer";

  static String template(String subject) {
    return """
        {"email":{"subject":"%s, {{ profile.firstName }}","html":"<p>%s</p>","text":"%s"},
         "sample":{"profile":{"firstName":"Ada"}}}"""
        .formatted(subject, subject, subject);
  }

  static String document(String followUpTemplate, String webhookUrl) {
    return """
        {"id":"spring-offer","name":"Spring offer","description":"A/B offer, CRM note, follow-up",
         "entry":{"event":"Offer Requested"},
         "sample":{"profile":{"firstName":"Ada"},"event":{"properties":{}}},
         "steps":[
          {"id":"ab","type":"split","variants":[
             {"name":"a","percent":50,"next":"offer-a"},
             {"name":"b","percent":50,"next":"offer-b"}]},
          {"id":"offer-a","type":"send","channels":["email"],"template":"offer-a","window":"any","next":"crm"},
          {"id":"offer-b","type":"send","channels":["email"],"template":"offer-b","window":"any","next":"crm"},
          {"id":"crm","type":"webhook","method":"POST","url":"%s",
           "body":"{\\"firstName\\": \\"{{ profile.firstName }}\\"}","timeout":"PT5S","retries":0,
           "next":"two-days","onError":"two-days"},
          {"id":"two-days","type":"wait","duration":"P2D","next":"follow-up"},
          {"id":"follow-up","type":"send","channels":["email"],"template":"%s","window":"any"}
         ]}"""
        .formatted(webhookUrl, followUpTemplate);
  }

  @Test
  void aJourneyDraftedPublishedAndRepublishedThroughTheApi() throws Exception {
    try (JourneyScenario s = new JourneyScenario(MONDAY_10AM_UTC)) {
      for (Map.Entry<String, String> t :
          Map.of(
                  "offer-a", "Offer A",
                  "offer-b", "Offer B",
                  "follow-up-1", "Follow-up one",
                  "follow-up-2", "Follow-up two")
              .entrySet()) {
        assertThat(s.api.put("/v1/templates/" + t.getKey(), template(t.getValue())).status())
            .isEqualTo(200);
      }
      String sink = s.api.base() + "/_local/webhooks/crm";
      assertThat(s.api.put(JOURNEY, document("follow-up-1", sink)).status()).isEqualTo(200);
      LocalApi.Answer first = s.api.post(JOURNEY + "/publish", "");
      assertThat(first.status()).isEqualTo(200);
      String secret = first.body().path("webhookSecret").asText();
      assertThat(secret).hasSize(64);

      List<String> people = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        String name = "person" + i;
        people.add(name);
        s.person(
            name, "{\"email\":\"" + name + "@example.com\",\"firstName\":\"P" + i + "\"}", "email");
        s.send("{\"type\":\"track\",\"userId\":\"" + name + "\",\"event\":\"Offer Requested\"}");
      }

      long variantA =
          people.stream()
              .filter(p -> subjects(s, p).contains("Offer A, P" + p.substring(6)))
              .count();
      long variantB =
          people.stream()
              .filter(p -> subjects(s, p).contains("Offer B, P" + p.substring(6)))
              .count();
      assertThat(variantA + variantB).as("each person got exactly one offer").isEqualTo(10);
      JsonNode v1 = s.api.get(JOURNEY + "/stats").body().path("versions").path(0);
      assertThat(v1.path("splits").path("ab").path("a").asLong()).isEqualTo(variantA);
      assertThat(v1.path("splits").path("ab").path("b").asLong()).isEqualTo(variantB);

      JsonNode calls = s.api.get("/_local/webhooks").body().path("calls");
      assertThat(calls).hasSize(10);
      for (JsonNode call : calls) {
        assertThat(call.path("method").asText()).isEqualTo("POST");
        assertThat(Json.parse(call.path("body").asText()).path("firstName").asText())
            .startsWith("P");
        String signature = header(call, "Waymark-Signature");
        String t = signature.substring(2, signature.indexOf(','));
        assertThat(signature).endsWith(",v1=" + hmac(secret, t + "." + call.path("body").asText()));
      }

      assertThat(s.api.put(JOURNEY, document("follow-up-2", sink)).status()).isEqualTo(200);
      LocalApi.Answer second = s.api.post(JOURNEY + "/publish", "");
      assertThat(second.body().path("version").path("version").asInt()).isEqualTo(2);
      s.person("late", "{\"email\":\"late@example.com\",\"firstName\":\"Late\"}", "email");
      s.send("{\"type\":\"track\",\"userId\":\"late\",\"event\":\"Offer Requested\"}");

      s.advance(Duration.ofDays(2).plusMinutes(1));
      for (String p : people) {
        assertThat(subjects(s, p))
            .as("%s entered on version 1 and finishes on it", p)
            .last()
            .isEqualTo("Follow-up one, P" + p.substring(6));
      }
      assertThat(subjects(s, "late")).last().isEqualTo("Follow-up two, Late");
      assertThat(s.journeysOf("late").path("runs").path(0).path("version").asText()).isEqualTo("2");
    }
  }

  private static List<String> subjects(JourneyScenario s, String userId) {
    return s.outboxFor(userId + "@example.com").stream().map(Outbox.Message::subject).toList();
  }

  private static String header(JsonNode call, String name) {
    var fields = call.path("headers").fields();
    while (fields.hasNext()) {
      var field = fields.next();
      if (field.getKey().equalsIgnoreCase(name)) {
        JsonNode value = field.getValue();
        return value.isArray() ? value.path(0).asText() : value.asText();
      }
    }
    throw new AssertionError("no " + name + " header in " + call.path("headers"));
  }

  private static String hmac(String secret, String message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }
}
