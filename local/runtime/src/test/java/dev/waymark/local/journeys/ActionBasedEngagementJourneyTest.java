package dev.waymark.local.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.local.aws.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Seed 004's action-based engagement journey, through the HTTP API on the virtual clock. Several
 * people live through the same three days: each test sets up its person at 09:00 on day one and
 * then the clock moves once for everybody, so the test methods run in order on one runtime.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.MethodName.class)
class ActionBasedEngagementJourneyTest {
  static final Instant TUESDAY_9AM = Instant.parse("2026-11-24T09:00:00Z");
  JourneyScenario s;

  @BeforeAll
  void start() throws Exception {
    s = new JourneyScenario(TUESDAY_9AM);
    s.person("ada", "{\"email\":\"ada@example.com\",\"firstName\":\"Ada\"}", "email");
    s.person("bob", "{\"email\":\"bob@example.com\",\"firstName\":\"Bob\"}", "email");
    s.person("cara", "{\"email\":\"cara@example.com\",\"firstName\":\"Cara\"}", "email");
    s.person("dan", "{\"email\":\"dan@example.com\",\"firstName\":\"Dan\"}");
    s.person(
        "eve",
        "{\"email\":\"eve@example.com\",\"firstName\":\"Eve\",\"timezone\":\"America/Los_Angeles\"}",
        "email");
    s.person("finn", "{\"email\":\"finn@example.com\",\"firstName\":\"Finn\"}", "email");
    for (String who : List.of("ada", "bob", "cara", "dan", "eve")) {
      s.send("{\"type\":\"screen\",\"userId\":\"" + who + "\",\"name\":\"Discounts\"}");
    }
    s.advance(Duration.ofHours(1));
    for (String who : List.of("ada", "cara", "dan", "eve")) {
      s.send("{\"type\":\"track\",\"userId\":\"" + who + "\",\"event\":\"Add To Favorites\"}");
    }
  }

  @AfterAll
  void stop() {
    s.close();
  }

  @Test
  void performedGetsTheOfferAtOnceAndTheLastChanceThreeDaysLater() {
    List<Outbox.Message> sent = s.outboxFor("ada@example.com");
    assertThat(sent).hasSizeGreaterThanOrEqualTo(1);
    Outbox.Message offer = sent.get(0);
    assertThat(offer.step()).isEqualTo("favorite-offer");
    assertThat(offer.subject()).isEqualTo("Ada, your favourite is waiting - 10% off this week");
    assertThat(offer.at()).isEqualTo(TUESDAY_9AM.plus(Duration.ofHours(1)));
    assertThat(offer.headers().get("List-Unsubscribe"))
        .startsWith("<" + s.runtime.baseUri() + "/v1/unsubscribe?token=");
    assertThat(offer.headers().get("List-Unsubscribe-Post"))
        .isEqualTo("List-Unsubscribe=One-Click");
  }

  @Test
  void aPurchaseOverOneHundredReachesTheGoalAndEndsTheRun() {
    s.send(
        "{\"type\":\"track\",\"userId\":\"cara\",\"event\":\"Purchase\",\"properties\":{\"price\":149.5}}");
    assertThat(s.trace("cara")).contains("goal:reached");
    assertThat(s.journeysOf("cara").path("runs").get(0).path("status").asText())
        .isEqualTo("exited_on_goal");
  }

  @Test
  void aPurchaseUnderOneHundredIsNoGoal() {
    s.send(
        "{\"type\":\"track\",\"userId\":\"ada\",\"event\":\"Purchase\",\"properties\":{\"price\":40}}");
    assertThat(s.trace("ada")).doesNotContain("goal:reached");
  }

  @Test
  void noConsentMeansNoMessageAndSaysWhy() {
    assertThat(s.outboxFor("dan@example.com")).isEmpty();
    JsonNode sendDecision = null;
    for (JsonNode t : s.journeysOf("dan").path("trace")) {
      if (t.path("kind").asText().equals("send")) {
        sendDecision = t;
      }
    }
    assertThat(sendDecision).isNotNull();
    assertThat(sendDecision.path("decision").asText()).isEqualTo("no_consent");
    assertThat(sendDecision.path("reason").asText()).contains("no email consent");
  }

  @Test
  void quietHoursDeferTheMessageToTheMorningInTheRecipientsTimeZone() {
    assertThat(s.outboxFor("eve@example.com")).isEmpty();
    assertThat(s.trace("eve")).contains("send:deferred");
  }

  @Test
  void aSecondEntryWithinTheLockIsRefusedAndTraced() {
    s.send("{\"type\":\"screen\",\"userId\":\"ada\",\"name\":\"Discounts\"}");
    assertThat(s.trace("ada")).contains("entry:entered", "entry:locked");
    assertThat(s.journeysOf("ada").path("runs")).hasSize(1);
  }

  @Test
  void aReplayedEventStartsNothingTwice() {
    String discounts =
        "{\"batch\":[{\"type\":\"screen\",\"messageId\":\"finn-discounts\",\"userId\":\"finn\",\"name\":\"Discounts\","
            + "\"timestamp\":\""
            + s.runtime.clock().instant()
            + "\"}]}";
    s.api.sendEvents(discounts);
    s.api.sendEvents(discounts);
    s.runtime.awaitProcessed();
    assertThat(s.journeysOf("finn").path("runs")).hasSize(1);
  }

  @Test
  void aMergeWhileTheRunWaitsCarriesTheWaitToTheSurvivingProfile() {
    s.person("gus", "{\"email\":\"gus@example.com\",\"firstName\":\"Gus\"}", "email");
    s.send("{\"type\":\"screen\",\"anonymousId\":\"gus-phone\",\"name\":\"Discounts\"}");
    String anonymous =
        s.api.get("/v1/profiles?anonymousId=gus-phone").body().path("profileId").asText();
    assertThat(s.api.get("/v1/profiles/" + anonymous + "/journeys").body().path("runs")).hasSize(1);

    s.send("{\"type\":\"identify\",\"anonymousId\":\"gus-phone\",\"userId\":\"gus\"}");
    String survivor = s.profileId("gus");
    assertThat(survivor).isNotEqualTo(anonymous);
    assertThat(s.api.get("/v1/profiles/" + survivor + "/journeys").body().path("runs"))
        .as("the run moved")
        .hasSize(1);

    s.send("{\"type\":\"track\",\"userId\":\"gus\",\"event\":\"Add To Favorites\"}");
    assertThat(s.steps("gus@example.com")).containsExactly("favorite-offer");
    assertThat(s.journeysOf("gus").path("runs")).hasSize(1);
  }

  @Test
  void zzzThreeDaysLaterEachPathHasRunItsCourse() {
    s.advance(Duration.ofDays(3));
    assertThat(s.steps("ada@example.com")).containsExactly("favorite-offer", "last-chance");
    assertThat(s.steps("bob@example.com"))
        .as("timed out: the nudge")
        .containsExactly("discover-more");
    assertThat(s.outboxFor("bob@example.com").get(0).at())
        .isEqualTo(TUESDAY_9AM.plus(Duration.ofDays(3)));
    assertThat(s.trace("bob")).contains("wait:timed_out");
    assertThat(s.steps("cara@example.com"))
        .as("goal reached: no last chance")
        .containsExactly("favorite-offer");
    assertThat(s.steps("dan@example.com")).isEmpty();
    Outbox.Message eveOffer = s.outboxFor("eve@example.com").get(0);
    assertThat(eveOffer.step()).isEqualTo("favorite-offer");
    assertThat(eveOffer.at())
        .as("08:00 in Los Angeles")
        .isEqualTo(Instant.parse("2026-11-24T16:00:00Z"));

    JsonNode stats =
        s.api.get("/v1/journeys/action-based-engagement/stats").body().path("versions").get(0);
    assertThat(stats.path("entered").asLong()).isEqualTo(7);
    assertThat(stats.path("goalReached").asLong()).isEqualTo(1);
    assertThat(stats.path("refused").path("locked").asLong()).isEqualTo(1);
    assertThat(stats.path("steps").path("step:favorite-offer:sent").asLong()).isEqualTo(4);
    assertThat(stats.path("steps").path("wait:wait-favorite:timed_out").asLong()).isEqualTo(2);
  }
}
