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
 * Seed 004's action-based engagement journey, through the HTTP API on the virtual clock. Everybody
 * views the Discounts screen at 09:00 on a Tuesday; at 10:00 most add a favourite, which brings
 * them to the decision point (a purchase over 100 within 3 days). The test methods run in order on
 * one runtime and move the clock forward once for everybody.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.MethodName.class)
class ActionBasedEngagementJourneyTest {
  static final Instant TUESDAY_9AM = Instant.parse("2026-11-24T09:00:00Z");
  static final Instant TUESDAY_10AM = TUESDAY_9AM.plus(Duration.ofHours(1));
  static final Instant FRIDAY_10AM = TUESDAY_10AM.plus(Duration.ofDays(3));
  JourneyScenario s;

  @BeforeAll
  void start() throws Exception {
    s = new JourneyScenario(TUESDAY_9AM);
    s.person(
        "ada",
        "{\"email\":\"ada@example.com\",\"firstName\":\"Ada\",\"phone\":\"+48 608 123 460\"}",
        "email",
        "sms");
    s.person("bob", "{\"email\":\"bob@example.com\",\"firstName\":\"Bob\"}", "email");
    s.person("cara", "{\"email\":\"cara@example.com\",\"firstName\":\"Cara\"}", "email");
    s.person("dan", "{\"email\":\"dan@example.com\",\"firstName\":\"Dan\"}");
    s.person(
        "eve",
        "{\"email\":\"eve@example.com\",\"firstName\":\"Eve\",\"timezone\":\"America/Los_Angeles\"}",
        "email");
    s.person("finn", "{\"email\":\"finn@example.com\",\"firstName\":\"Finn\"}", "email");
    s.person("kim", "{\"email\":\"kim@example.com\",\"firstName\":\"Kim\"}", "email", "push");
    s.send(
        "{\"type\":\"identify\",\"userId\":\"kim\",\"identities\":{\"pushToken\":\"apns-kim\"}}");
    s.person(
        "lena",
        "{\"email\":\"lena@example.com\",\"firstName\":\"Lena\",\"phone\":\"+48 608 123 461\"}",
        "email",
        "sms");
    for (String who : List.of("ada", "bob", "cara", "dan", "eve", "kim", "lena")) {
      s.send("{\"type\":\"screen\",\"userId\":\"" + who + "\",\"name\":\"Discounts\"}");
    }
    s.advance(Duration.ofHours(1));
    for (String who : List.of("ada", "cara", "dan", "eve", "kim", "lena")) {
      s.send("{\"type\":\"track\",\"userId\":\"" + who + "\",\"event\":\"Add To Favorites\"}");
    }
  }

  @AfterAll
  void stop() {
    s.close();
  }

  void purchase(String who, double price) {
    s.send(
        "{\"type\":\"track\",\"userId\":\""
            + who
            + "\",\"event\":\"Purchase\",\"properties\":{\"price\":"
            + price
            + "}}");
  }

  @Test
  void a_performedGetsTheThankYouTheRewardAndTheSmsSurvey() {
    purchase("ada", 149.5);
    Outbox.Message thanks = s.outboxFor("ada@example.com").get(0);
    assertThat(thanks.step()).isEqualTo("thank-you");
    assertThat(thanks.subject()).isEqualTo("Thank you for your purchase, Ada!");
    assertThat(thanks.at()).isEqualTo(TUESDAY_10AM);
    Outbox.Message survey = s.outboxFor("+48608123460").get(0);
    assertThat(survey.channel()).isEqualTo("sms");
    assertThat(survey.step()).isEqualTo("survey-sms");
    assertThat(survey.body()).startsWith("Thank you for your purchase! Share your experience");
    JsonNode traits = s.api.get("/v1/profiles/" + s.profileId("ada")).body().path("traits");
    assertThat(traits.path("rewardDiscountPercent").asInt()).isEqualTo(10);
    assertThat(traits.path("rewardsGranted").asInt()).isEqualTo(1);
    assertThat(s.trace("ada")).contains("goal:reached");
    assertThat(s.journeysOf("ada").path("runs").get(0).path("status").asText())
        .as("the goal is counted; the run goes on to the performed path and ends")
        .isEqualTo("completed");
  }

  @Test
  void b_aPurchaseUnderOneHundredIsNeitherTheGoalNorTheDecision() {
    purchase("cara", 40);
    assertThat(s.trace("cara")).doesNotContain("goal:reached");
    assertThat(s.outboxFor("cara@example.com")).isEmpty();
  }

  @Test
  void c_aSecondEntryWithinTheLockIsRefusedAndTraced() {
    s.send("{\"type\":\"screen\",\"userId\":\"ada\",\"name\":\"Discounts\"}");
    assertThat(s.trace("ada")).contains("entry:entered", "entry:locked");
    assertThat(s.journeysOf("ada").path("runs")).hasSize(1);
  }

  @Test
  void d_aReplayedEventStartsNothingTwice() {
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
  void e_aMergeWhileTheRunWaitsCarriesTheWaitToTheSurvivingProfile() {
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
    purchase("gus", 120);
    assertThat(s.steps("gus@example.com")).containsExactly("thank-you");
    assertThat(s.journeysOf("gus").path("runs")).hasSize(1);
  }

  @Test
  void z_timedOutGetsTheOfferByPushOrSmsThenALastChance() {
    s.advance(Duration.ofDays(3));
    assertThat(s.outboxFor("apns-kim"))
        .singleElement()
        .satisfies(
            push -> {
              assertThat(push.step()).isEqualTo("favorite-offer");
              assertThat(push.at()).isEqualTo(FRIDAY_10AM);
            });
    Outbox.Message sms = s.outboxFor("+48608123461").get(0);
    assertThat(sms.step()).isEqualTo("favorite-offer");
    assertThat(sms.body())
        .startsWith(
            "Hey, we noticed you liked this item! Complete your purchase now and get 15% off");
    assertThat(s.outboxFor("lena@example.com")).as("SMS comes before email").isEmpty();
    Outbox.Message email = s.outboxFor("cara@example.com").get(0);
    assertThat(email.step()).isEqualTo("favorite-offer");
    assertThat(email.subject()).isEqualTo("Cara, your favourite is waiting - 15% off this week");
    assertThat(email.headers().get("List-Unsubscribe"))
        .startsWith("<" + s.runtime.baseUri() + "/v1/unsubscribe?token=");
    assertThat(s.steps("bob@example.com"))
        .as("no favourite: the nudge")
        .containsExactly("discover-more");
    assertThat(s.outboxFor("bob@example.com").get(0).at())
        .isEqualTo(TUESDAY_9AM.plus(Duration.ofDays(3)));
  }

  @Test
  void z_timedOutWithoutConsentSendsNothingAndSaysWhy() {
    assertThat(s.outboxFor("dan@example.com")).isEmpty();
    JsonNode sendDecision = null;
    for (JsonNode t : s.journeysOf("dan").path("trace")) {
      if (t.path("kind").asText().equals("send")) {
        sendDecision = t;
      }
    }
    assertThat(sendDecision).isNotNull();
    assertThat(sendDecision.path("decision").asText()).isEqualTo("no_consent");
    assertThat(sendDecision.path("key").asText()).endsWith("#favorite-offer");
  }

  @Test
  void zy_quietHoursDeferTheOfferToTheMorningInTheRecipientsTimeZone() {
    // the decision timed out on Friday 10:00 UTC, 02:00 in Los Angeles: held until 08:00 there
    assertThat(s.trace("eve")).contains("send:deferred");
    assertThat(s.outboxFor("eve@example.com")).isEmpty();
    s.advance(Duration.ofHours(6));
    Outbox.Message offer = s.outboxFor("eve@example.com").get(0);
    assertThat(offer.step()).isEqualTo("favorite-offer");
    assertThat(offer.at())
        .as("08:00 in Los Angeles")
        .isEqualTo(Instant.parse("2026-11-27T16:00:00Z"));
  }

  @Test
  void zz_threeDaysLaterTheLastChanceAndTheCounts() {
    s.advance(Duration.ofDays(3));
    assertThat(s.steps("cara@example.com")).containsExactly("favorite-offer", "last-chance");
    assertThat(s.steps("+48608123461")).containsExactly("favorite-offer", "last-chance");
    assertThat(s.steps("apns-kim")).containsExactly("favorite-offer", "last-chance");
    assertThat(s.steps("ada@example.com")).containsExactly("thank-you");

    JsonNode stats =
        s.api.get("/v1/journeys/action-based-engagement/stats").body().path("versions").get(0);
    assertThat(stats.path("entered").asLong()).isEqualTo(9);
    assertThat(stats.path("goalReached").asLong()).isEqualTo(2);
    assertThat(stats.path("refused").path("locked").asLong()).isEqualTo(1);
    JsonNode steps = stats.path("steps");
    assertThat(steps.path("wait:purchase-decision:performed").asLong()).isEqualTo(2);
    assertThat(steps.path("wait:purchase-decision:timed_out").asLong()).isEqualTo(5);
    assertThat(steps.path("step:favorite-offer:sent").asLong()).isEqualTo(4);
    assertThat(steps.path("step:survey-sms:sent").asLong()).isEqualTo(1);
    assertThat(steps.path("wait:wait-favorite:timed_out").asLong()).isEqualTo(2);
  }

  @Test
  void beforeTheJourneysStartDateAndTimeNobodyEnters() throws Exception {
    try (JourneyScenario early = new JourneyScenario(Instant.parse("2024-12-17T11:00:00Z"))) {
      early.person("zoe", "{\"email\":\"zoe@example.com\",\"firstName\":\"Zoe\"}", "email");
      early.send("{\"type\":\"screen\",\"userId\":\"zoe\",\"name\":\"Discounts\"}");
      assertThat(early.trace("zoe")).containsExactly("entry:not_started");
      early.advance(Duration.ofMinutes(15));
      early.send("{\"type\":\"screen\",\"userId\":\"zoe\",\"name\":\"Discounts\"}");
      assertThat(early.trace("zoe")).contains("entry:not_started", "entry:entered");
    }
  }
}
