package dev.waymark.local.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.local.LocalApi;
import dev.waymark.local.aws.Outbox;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A journey version pins the template versions it was published with, through the local runtime's
 * HTTP API: a template changed without republishing does not reach the next entrant; republishing
 * makes a journey version that pins the new template version, and the next entrant gets it.
 */
class JourneyTemplatePinningScenarioTest {
  static final Instant MONDAY_10AM_UTC = Instant.parse("2026-11-23T10:00:00Z");
  static final String JOURNEY = "/v1/journeys/pinned-hello";
  static final String TEMPLATE = "/v1/templates/hello-note";

  static String template(String words) {
    return """
        {"email":{"subject":"%s, {{ profile.firstName }}","text":"%s"},
         "sample":{"profile":{"firstName":"Ada"}}}"""
        .formatted(words, words);
  }

  static String document(String description) {
    return """
        {"id":"pinned-hello","description":"%s","entry":{"event":"Hello Requested"},
         "eligibility":"multiple",
         "steps":[{"id":"hello","type":"send","channels":["email"],"template":"hello-note",
                   "window":"any"}]}"""
        .formatted(description);
  }

  @Test
  void aJourneyVersionKeepsItsTemplateVersionUntilTheJourneyIsPublishedAgain() throws Exception {
    try (JourneyScenario s = new JourneyScenario(MONDAY_10AM_UTC)) {
      assertThat(s.api.put(TEMPLATE, template("First words")).body().path("version").asInt())
          .isEqualTo(1);
      assertThat(s.api.put(JOURNEY, document("one")).status()).isEqualTo(200);
      LocalApi.Answer first = s.api.post(JOURNEY + "/publish", "");
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.body().path("version").path("templateVersions").path("hello-note").asText())
          .isEqualTo("1");

      LocalApi.Answer v2 = s.api.put(TEMPLATE, template("Second words"));
      assertThat(v2.body().path("version").asInt()).isEqualTo(2);
      assertThat(s.api.get(JOURNEY).body().path("live").path("version").asInt())
          .as("putting a template publishes no journey")
          .isEqualTo(1);
      enter(s, "ann");
      assertThat(subjects(s, "ann"))
          .as("the live journey version pins template version 1")
          .containsExactly("First words, Ann");

      assertThat(s.api.put(JOURNEY, document("two")).status()).isEqualTo(200);
      LocalApi.Answer second = s.api.post(JOURNEY + "/publish", "");
      assertThat(second.body().path("version").path("version").asInt()).isEqualTo(2);
      enter(s, "bob");
      assertThat(subjects(s, "bob")).containsExactly("Second words, Bob");
      assertThat(subjects(s, "ann")).as("nothing more for ann").hasSize(1);

      assertThat(pins(s, 1)).isEqualTo("{\"hello-note\":\"1\"}");
      assertThat(pins(s, 2)).isEqualTo("{\"hello-note\":\"2\"}");
      assertThat(s.journeysOf("ann").path("runs").path(0).path("version").asText()).isEqualTo("1");
      assertThat(s.journeysOf("bob").path("runs").path(0).path("version").asText()).isEqualTo("2");
    }
  }

  @Test
  void republishingAnUnchangedDraftAfterATemplateChangePinsTheNewTemplateVersion()
      throws Exception {
    try (JourneyScenario s = new JourneyScenario(MONDAY_10AM_UTC)) {
      s.api.put(TEMPLATE, template("First words"));
      s.api.put(JOURNEY, document("one"));
      s.api.post(JOURNEY + "/publish", "");
      s.api.put(TEMPLATE, template("Second words"));

      LocalApi.Answer again = s.api.post(JOURNEY + "/publish", "");
      assertThat(again.status()).isEqualTo(200);
      assertThat(again.body().path("version").path("version").asInt())
          .as("the same document with a newer template is a new version")
          .isEqualTo(2);
      assertThat(pins(s, 2)).isEqualTo("{\"hello-note\":\"2\"}");
      enter(s, "cy");
      assertThat(subjects(s, "cy")).containsExactly("Second words, Cy");
    }
  }

  private static void enter(JourneyScenario s, String userId) {
    String name = Character.toUpperCase(userId.charAt(0)) + userId.substring(1);
    s.person(
        userId,
        "{\"email\":\"" + userId + "@example.com\",\"firstName\":\"" + name + "\"}",
        "email");
    s.send("{\"type\":\"track\",\"userId\":\"" + userId + "\",\"event\":\"Hello Requested\"}");
  }

  private static String pins(JourneyScenario s, int version) {
    LocalApi.Answer answer = s.api.get(JOURNEY + "/versions/" + version);
    assertThat(answer.status()).isEqualTo(200);
    JsonNode pins = answer.body().path("templateVersions");
    return pins.toString();
  }

  private static List<String> subjects(JourneyScenario s, String userId) {
    return s.outboxFor(userId + "@example.com").stream().map(Outbox.Message::subject).toList();
  }
}
