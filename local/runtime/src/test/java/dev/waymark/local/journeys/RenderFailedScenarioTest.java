package dev.waymark.local.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A send whose template cannot be rendered for this person (strict Liquid: it reads a trait the
 * person does not have, without {@code | default}) ends as {@code render_failed}, naming the
 * variable, with nothing sent; the run goes on to its next step and ends completed — it is never
 * left running, through the local runtime's HTTP API on the virtual clock.
 */
class RenderFailedScenarioTest {
  static final Instant MONDAY_10AM_UTC = Instant.parse("2026-11-23T10:00:00Z");
  static final String JOURNEY = "/v1/journeys/model-news";

  static final String OFFER =
      """
      {"email":{"subject":"News for your {{ profile.currentModel }}","text":"See what is new."},
       "sample":{"profile":{"currentModel":"Carvelo C3"}}}""";
  static final String THANKS =
      """
      {"email":{"subject":"Thanks, {{ profile.firstName }}","text":"Thank you."},
       "sample":{"profile":{"firstName":"Ada"}}}""";
  static final String DOCUMENT =
      """
      {"id":"model-news","entry":{"event":"News Requested"},"eligibility":"multiple",
       "steps":[{"id":"offer","type":"send","channels":["email"],"template":"model-offer",
                 "window":"any","next":"later"},
                {"id":"later","type":"wait","duration":"PT1H","next":"thanks"},
                {"id":"thanks","type":"send","channels":["email"],"template":"thanks-note",
                 "window":"any"}]}""";

  @Test
  void aSendThatCannotRenderEndsRenderFailedAndTheRunGoesOn() throws Exception {
    try (JourneyScenario s = new JourneyScenario(MONDAY_10AM_UTC)) {
      assertThat(s.api.put("/v1/templates/model-offer", OFFER).status()).isEqualTo(200);
      assertThat(s.api.put("/v1/templates/thanks-note", THANKS).status()).isEqualTo(200);
      assertThat(s.api.put(JOURNEY, DOCUMENT).status()).isEqualTo(200);
      assertThat(s.api.post(JOURNEY + "/publish", "").status()).isEqualTo(200);
      s.person("ann", "{\"email\":\"ann@example.com\",\"firstName\":\"Ann\"}", "email");
      s.person(
          "cy",
          "{\"email\":\"cy@example.com\",\"firstName\":\"Cy\",\"currentModel\":\"Carvelo C5\"}",
          "email");

      s.send("{\"type\":\"track\",\"userId\":\"ann\",\"event\":\"News Requested\"}");
      s.send("{\"type\":\"track\",\"userId\":\"cy\",\"event\":\"News Requested\"}");
      assertThat(s.outboxFor("ann@example.com")).as("nothing sent to ann").isEmpty();
      assertThat(s.steps("cy@example.com")).containsExactly("offer");
      assertThat(s.journeysOf("ann").path("runs").path(0).path("status").asText())
          .as("ann's run waits for its next step")
          .isEqualTo("running");
      JsonNode failed = s.journeysOf("ann").path("trace").get(1);
      assertThat(failed.path("kind").asText() + ":" + failed.path("decision").asText())
          .isEqualTo("send:render_failed");
      assertThat(failed.path("reason").asText())
          .contains("{{ profile.currentModel }}")
          .contains("model-offer")
          .doesNotContain("ann@example.com");

      JsonNode logged =
          s.api
              .get("/v1/profiles/" + s.profileId("ann") + "/messages")
              .body()
              .path("messages")
              .get(0);
      assertThat(logged.path("stepId").asText()).isEqualTo("offer");
      assertThat(logged.path("status").asText()).isEqualTo("render_failed");
      assertThat(logged.path("reason").asText()).contains("{{ profile.currentModel }}");

      s.advance(Duration.ofHours(1));
      s.runtime.awaitProcessed();
      assertThat(s.steps("ann@example.com"))
          .as("the next step still runs")
          .containsExactly("thanks");
      assertThat(s.steps("cy@example.com")).containsExactly("offer", "thanks");
      assertThat(s.trace("ann"))
          .containsExactly("entry:entered", "send:render_failed", "send:sent");
      assertThat(s.journeysOf("ann").path("runs").path(0).path("status").asText())
          .isEqualTo("completed");

      JsonNode steps = s.api.get(JOURNEY + "/stats").body().path("versions").get(0).path("steps");
      assertThat(steps.path("step:offer:render_failed").asLong()).isEqualTo(1);
      assertThat(steps.path("step:offer:sent").asLong()).isEqualTo(1);
      assertThat(steps.path("step:thanks:sent").asLong()).isEqualTo(2);
    }
  }
}
