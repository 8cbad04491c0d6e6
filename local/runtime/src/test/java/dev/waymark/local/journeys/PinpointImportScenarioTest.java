package dev.waymark.local.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.json.Json;
import dev.waymark.local.LocalApi;
import dev.waymark.local.aws.Outbox;
import dev.waymark.local.hostile.ApiRouteCatalog;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The round trip of docs/pinpoint-import.md through the local runtime's HTTP API only: each shipped
 * Pinpoint export is imported, its templates put, saved, published and run on the virtual clock;
 * each person gets the messages the Pinpoint journey would have sent them, on the same channels,
 * from the same activities.
 */
class PinpointImportScenarioTest {
  static final Instant MONDAY_10AM_UTC = Instant.parse("2026-11-23T10:00:00Z");

  static ObjectNode envelope(String file, Map<String, String> segments) throws Exception {
    ObjectNode body = Json.object();
    body.set(
        "export",
        Json.parse(Files.readString(ApiRouteCatalog.projectFile("docs/pinpoint/" + file))));
    ObjectNode map = body.putObject("segments");
    segments.forEach(map::put);
    return body;
  }

  /** Imports, puts the templates, saves and publishes; answers the import's answer. */
  static JsonNode importAndPublish(
      JourneyScenario s, ObjectNode envelope, Map<String, String> templates) {
    LocalApi.Answer imported = s.api.post("/v1/journeys/import/pinpoint", Json.write(envelope));
    assertThat(imported.status()).as("%s", imported.body()).isEqualTo(200);
    templates.forEach(
        (id, document) ->
            assertThat(s.api.put("/v1/templates/" + id, document).status()).isEqualTo(200));
    String id = imported.body().path("journeyId").asText();
    LocalApi.Answer saved =
        s.api.put("/v1/journeys/" + id, Json.write(imported.body().path("document")));
    assertThat(saved.status()).as("%s", saved.body()).isEqualTo(200);
    LocalApi.Answer published = s.api.post("/v1/journeys/" + id + "/publish", "");
    assertThat(published.status()).as("%s", published.body()).isEqualTo(200);
    return imported.body();
  }

  static String email(String subject) {
    return """
        {"email":{"subject":"%s","html":"<p>%s</p>","text":"%s"},"sample":{"profile":{}}}"""
        .formatted(subject, subject, subject);
  }

  /** The steps of a journey's messages to a recipient, as "channel:step", oldest first. */
  static List<String> sent(JourneyScenario s, String journey, String recipient) {
    return s.outboxFor(recipient).stream()
        .filter(m -> journey.equals(m.journey()))
        .map(m -> m.channel() + ":" + m.step())
        .toList();
  }

  @Test
  void theWelcomeSeriesSendsWhatPinpointWouldHave() throws Exception {
    try (JourneyScenario s = new JourneyScenario(MONDAY_10AM_UTC)) {
      JsonNode imported =
          importAndPublish(
              s,
              envelope(
                  "welcome-series.json",
                  Map.of("3b2c1d0e9f8a47b6a5c4d3e2f1a0b9c8", "app-installed")),
              Map.of(
                  "welcome-email", email("Welcome aboard"),
                  "welcome-reminder", email("Your account is waiting"),
                  "getting-started-tips",
                      "{\"push\":{\"title\":\"Tips\",\"body\":\"Three things to try\"},"
                          + "\"sms\":{\"body\":\"Three things to try\"},\"sample\":{\"profile\":{}}}"));
      assertThat(imported.path("unmapped").size()).isEqualTo(11);

      s.person("ada", "{\"email\":\"ada@example.com\"}", "email", "push");
      s.send(
          "{\"type\":\"identify\",\"userId\":\"ada\",\"identities\":{\"pushToken\":\"apns-ada\"}}");
      s.person(
          "bob", "{\"email\":\"bob@example.com\",\"phone\":\"+48 608 123 457\"}", "email", "sms");
      s.person("cy", "{\"email\":\"cy@example.com\"}", "email");
      s.person("dee", "{\"email\":\"dee@example.com\"}", "email");
      for (String[] signUp :
          new String[][] {{"ada", "free"}, {"bob", "pro"}, {"cy", "free"}, {"dee", "enterprise"}}) {
        s.send(
            "{\"type\":\"track\",\"userId\":\""
                + signUp[0]
                + "\",\"event\":\"SignUp\",\"properties\":{\"plan\":\""
                + signUp[1]
                + "\"}}");
      }
      for (String opener : List.of("ada@example.com", "bob@example.com")) {
        Outbox.Message welcome =
            s.outboxFor(opener).stream()
                .filter(m -> "welcome-series".equals(m.journey()))
                .findFirst()
                .orElseThrow();
        assertThat(s.api.post("/_local/outbox/" + welcome.id() + "/open", "").status())
            .isEqualTo(202);
      }
      s.runtime.awaitProcessed();
      s.send(
          "{\"type\":\"track\",\"userId\":\"ada\",\"event\":\"SignUp\",\"properties\":{\"plan\":\"pro\"}}");
      s.advance(Duration.ofDays(2).plusMinutes(1));

      assertThat(sent(s, "welcome-series", "ada@example.com"))
          .containsExactly("email:welcome-email");
      assertThat(sent(s, "welcome-series", "apns-ada")).containsExactly("push:tips-push");
      assertThat(sent(s, "welcome-series", "bob@example.com"))
          .containsExactly("email:welcome-email");
      assertThat(sent(s, "welcome-series", "+48608123457")).containsExactly("sms:tips-sms");
      assertThat(sent(s, "welcome-series", "cy@example.com"))
          .containsExactly("email:welcome-email", "email:welcome-reminder");
      assertThat(sent(s, "welcome-series", "dee@example.com")).isEmpty();
      assertThat(s.trace("ada")).contains("entry:already_entered_once");
      Outbox.Message tips = s.outboxFor("apns-ada").get(0);
      assertThat(tips.at())
          .as("two days after the welcome e-mail")
          .isBetween(
              MONDAY_10AM_UTC.plus(Duration.ofDays(2)),
              MONDAY_10AM_UTC.plus(Duration.ofDays(2).plusMinutes(1)));
    }
  }

  @Test
  void theCartRecoverySendsWhatPinpointWouldHave() throws Exception {
    try (JourneyScenario s = new JourneyScenario(MONDAY_10AM_UTC)) {
      importAndPublish(
          s,
          envelope(
              "cart-recovery.json", Map.of("9f1e2d3c4b5a46978877665544332211", "email-reachable")),
          Map.of(
              "cart-vip", email("A thank-you for a regular"),
              "cart-reminder",
                  "{\"email\":{\"subject\":\"Still in your cart\",\"text\":\"Still in your cart\"},"
                      + "\"sms\":{\"body\":\"Still in your cart\"},\"sample\":{\"profile\":{}}}",
              "cart-discount", email("10% off your cart"),
              "cart-last-call", email("Last call for your cart")));
      Map<String, String> people =
          Map.of(
              "vip", "{\"email\":\"vip@example.com\",\"orders\":3}",
              "pl",
                  "{\"email\":\"pl@example.com\",\"country\":\"PL\",\"phone\":\"+48 608 123 458\"}",
              "plain", "{\"email\":\"plain@example.com\",\"orders\":2}",
              "buyer", "{\"email\":\"buyer@example.com\"}",
              "cheap", "{\"email\":\"cheap@example.com\"}");
      people.forEach((id, traits) -> s.person(id, traits, "email", "sms"));
      s.person("nomail", "{\"email\":\"nomail@example.com\"}");
      for (String id : List.of("vip", "pl", "plain", "buyer", "nomail", "cheap")) {
        // a consent counts for segments from the person's next identify on (docs/segments.md)
        s.send("{\"type\":\"identify\",\"userId\":\"" + id + "\"}");
      }
      for (String id : List.of("vip", "pl", "plain", "buyer", "nomail")) {
        s.send(addToCart(id, 49.9));
      }
      s.send(addToCart("cheap", 10));
      s.advance(Duration.ofMinutes(30));
      s.send("{\"type\":\"track\",\"userId\":\"buyer\",\"event\":\"_monetization.purchase\"}");
      s.advance(Duration.ofMinutes(31));
      s.advance(Duration.ofDays(1));

      Map<String, List<String>> expected =
          Map.of(
              "vip", List.of("email:vip-email"),
              "pl", List.of("email:offer"),
              "plain", List.of("email:cart-email", "email:offer"),
              "buyer", List.of());
      int heldOut = 0;
      for (Map.Entry<String, List<String>> person : expected.entrySet()) {
        boolean held = s.trace(person.getKey()).contains("entry:held_out");
        heldOut += held ? 1 : 0;
        List<String> got =
            sent(s, "cart-recovery", person.getKey() + "@example.com").stream()
                .map(
                    m ->
                        m.endsWith("discount-email") || m.endsWith("last-call-email")
                            ? "email:offer"
                            : m)
                .toList();
        assertThat(got)
            .as("%s (held out: %s)", person.getKey(), held)
            .isEqualTo(held ? List.of() : person.getValue());
        if (person.getKey().equals("pl")) {
          assertThat(sent(s, "cart-recovery", "+48608123458"))
              .isEqualTo(held ? List.of() : List.of("sms:cart-sms"));
        }
      }
      assertThat(s.trace("nomail")).contains("entry:not_in_audience");
      assertThat(s.trace("cheap")).doesNotContain("entry:entered", "entry:held_out");
      JsonNode stats =
          s.api.get("/v1/journeys/cart-recovery/stats").body().path("versions").path(0);
      assertThat(stats.path("heldOut").asInt()).isEqualTo(heldOut);
      assertThat(stats.path("entered").asInt()).isEqualTo(4 - heldOut);
    }
  }

  private static String addToCart(String userId, double price) {
    return "{\"type\":\"track\",\"userId\":\""
        + userId
        + "\",\"event\":\"AddToCart\",\"properties\":{\"price\":"
        + price
        + "}}";
  }

  @Test
  void aBadExportIsA400NamingTheField() {
    try (JourneyScenario s = new JourneyScenario(MONDAY_10AM_UTC)) {
      LocalApi.Answer answer =
          s.api.post(
              "/v1/journeys/import/pinpoint",
              "{\"Name\":\"x\",\"StartActivity\":\"A\",\"Activities\":{\"A\":{\"EMAIL\":"
                  + "{\"TemplateName\":\"T\",\"NextActivity\":\"Nope\"}}}}");
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.body().path("errors").path(0).path("field").asText())
          .isEqualTo("/Activities/A/EMAIL/NextActivity");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
