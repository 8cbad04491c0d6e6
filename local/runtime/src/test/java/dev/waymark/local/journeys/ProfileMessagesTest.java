package dev.waymark.local.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.local.aws.Outbox;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /v1/profiles/{id}/messages}: a person's message log over HTTP — each send decision of
 * the seed-004 journey (the offer once no purchase followed the favourite within 3 days), and the
 * delivery feedback that came back (the console's person page).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfileMessagesTest {
  JourneyScenario s;

  @BeforeAll
  void start() throws Exception {
    s = new JourneyScenario(Instant.parse("2026-11-24T09:00:00Z"));
    s.person("ada", "{\"email\":\"ada@example.com\",\"firstName\":\"Ada\"}", "email");
    s.person("dan", "{\"email\":\"dan@example.com\",\"firstName\":\"Dan\"}");
    for (String who : new String[] {"ada", "dan"}) {
      s.send("{\"type\":\"screen\",\"userId\":\"" + who + "\",\"name\":\"Discounts\"}");
    }
    s.advance(Duration.ofHours(1));
    for (String who : new String[] {"ada", "dan"}) {
      s.send("{\"type\":\"track\",\"userId\":\"" + who + "\",\"event\":\"Add To Favorites\"}");
    }
    // no purchase within the 3 days after the favourite: the offer goes out (seed 004)
    s.advance(Duration.ofDays(3).plusMinutes(1));
  }

  @AfterAll
  void stop() {
    s.close();
  }

  private JsonNode messagesOf(String userId) {
    return s.api.get("/v1/profiles/" + s.profileId(userId) + "/messages").body();
  }

  @Test
  void aSentMessageAndItsOpenAreInTheLog() {
    Outbox.Message offer = s.outboxFor("ada@example.com").get(0);
    assertThat(s.api.post("/_local/outbox/" + offer.id() + "/open", "").status()).isEqualTo(202);
    s.runtime.awaitProcessed();

    JsonNode log = messagesOf("ada");
    assertThat(log.path("profileId").asText()).isEqualTo(s.profileId("ada"));
    JsonNode sent = log.path("messages").get(0);
    assertThat(sent.path("journeyId").asText()).isEqualTo("action-based-engagement");
    assertThat(sent.path("stepId").asText()).isEqualTo("favorite-offer");
    assertThat(sent.path("template").asText()).isEqualTo("favorite-offer");
    assertThat(sent.path("channel").asText()).isEqualTo("email");
    assertThat(sent.path("status").asText()).isEqualTo("sent");
    assertThat(sent.path("at").asText()).isEqualTo("2026-11-27T10:00:00Z");
    assertThat(sent.path("feedback").toString()).contains("open");
  }

  @Test
  void aMessageNotSentSaysWhy() {
    JsonNode refused = messagesOf("dan").path("messages").get(0);
    assertThat(refused.path("stepId").asText()).isEqualTo("favorite-offer");
    assertThat(refused.path("status").asText()).isEqualTo("no_consent");
    assertThat(refused.path("reason").asText()).contains("no email consent");
  }

  @Test
  void anUnknownPersonIsA404() {
    assertThat(s.api.get("/v1/profiles/nobody-here/messages").status()).isEqualTo(404);
  }
}
