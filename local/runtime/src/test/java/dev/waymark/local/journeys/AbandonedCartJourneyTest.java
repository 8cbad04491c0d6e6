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
 * Seed 001's abandoned cart through the HTTP API on the virtual clock: the abandoned-cart segment
 * ("Product Added not followed by Order Completed within PT30M") and the drip that enters on it.
 * Everybody adds a product at 09:00 on a Tuesday; 30 minutes later their membership is due, and the
 * hourly due-check sweep of 10:00 puts them in the segment, which enters the journey. The test
 * methods run in order on one runtime and move the clock forward.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.MethodName.class)
class AbandonedCartJourneyTest {
  static final Instant TUESDAY_9AM = Instant.parse("2026-11-24T09:00:00Z");
  static final Instant SWEEP = TUESDAY_9AM.plus(Duration.ofHours(1));
  JourneyScenario s;

  @BeforeAll
  void start() throws Exception {
    s = new JourneyScenario(TUESDAY_9AM);
    s.person("ada", "{\"email\":\"ada@example.com\",\"firstName\":\"Ada\"}", "email");
    s.person("bob", "{\"email\":\"bob@example.com\",\"firstName\":\"Bob\"}", "email");
    s.person("cara", "{\"email\":\"cara@example.com\",\"firstName\":\"Cara\"}", "email");
    s.person("gus", "{\"email\":\"gus@example.com\",\"firstName\":\"Gus\"}", "email", "push");
    s.send(
        "{\"type\":\"identify\",\"userId\":\"gus\",\"identities\":{\"pushToken\":\"apns-gus\"}}");
    s.person(
        "hana",
        "{\"email\":\"hana@example.com\",\"firstName\":\"Hana\",\"phone\":\"+48 608 123 458\"}",
        "email",
        "sms");
    s.person(
        "ivan",
        "{\"email\":\"ivan@example.com\",\"firstName\":\"Ivan\",\"phone\":\"+48 608 123 459\"}",
        "email");
    s.person(
        "jan",
        "{\"email\":\"jan@example.com\",\"firstName\":\"Jan\",\"phone\":\"+48 12\"}",
        "email",
        "sms");
    for (String who : List.of("ada", "bob", "cara", "gus", "hana", "ivan", "jan")) {
      addToCart(who);
    }
  }

  @AfterAll
  void stop() {
    s.close();
  }

  void addToCart(String who) {
    s.send(
        "{\"type\":\"track\",\"userId\":\""
            + who
            + "\",\"event\":\"Product Added\",\"properties\":"
            + "{\"cartId\":\"cart-"
            + who
            + "\",\"productName\":\"E-V roof box\",\"price\":349}}");
  }

  void buy(String who) {
    s.send(
        "{\"type\":\"track\",\"userId\":\""
            + who
            + "\",\"event\":\"Order Completed\",\"properties\":"
            + "{\"orderId\":\"order-"
            + who
            + "\",\"total\":349}}");
  }

  JsonNode membership(String who) {
    for (JsonNode m :
        s.api.get("/v1/profiles/" + s.profileId(who) + "/segments").body().path("segments")) {
      if (m.path("segmentId").asText().equals("abandoned-cart")) {
        return m;
      }
    }
    return null;
  }

  @Test
  void a_anOrderWithinThirtyMinutesIsNoAbandonedCart() {
    s.advance(Duration.ofMinutes(10));
    buy("cara");
    s.advance(Duration.ofMinutes(20).minusSeconds(1));
    assertThat(membership("ada")).as("29:59 after the cart: not yet").isNull();
    s.advance(Duration.ofMinutes(31));
    assertThat(membership("cara")).isNull();
    assertThat(s.trace("cara")).isEmpty();
    assertThat(s.outboxFor("cara@example.com")).isEmpty();
  }

  @Test
  void b_withoutAnOrderTheSweepAfterThirtyMinutesPutsThemInTheSegmentAndTheDripStarts() {
    assertThat(membership("ada").path("member").asBoolean()).isTrue();
    Outbox.Message reminder = s.outboxFor("ada@example.com").get(0);
    assertThat(reminder.step()).isEqualTo("cart-reminder");
    assertThat(reminder.channel()).isEqualTo("email");
    assertThat(reminder.at()).isEqualTo(SWEEP);
    assertThat(reminder.subject()).isEqualTo("Ada, you left something in your cart");
    assertThat(reminder.body()).contains("https://shop.example.com/cart");
    assertThat(s.trace("ada")).contains("entry:entered", "send:sent");
  }

  @Test
  void c_theAppGetsAPushInsteadOfAnEmail() {
    assertThat(s.outboxFor("gus@example.com")).isEmpty();
    Outbox.Message push = s.outboxFor("apns-gus").get(0);
    assertThat(push.channel()).isEqualTo("push");
    assertThat(push.step()).isEqualTo("cart-reminder");
    assertThat(push.at()).isEqualTo(SWEEP);
  }

  @Test
  void d_aSecondCartDuringTheDripDoesNotStartAnotherOne() {
    addToCart("ada");
    assertThat(membership("ada").path("member").asBoolean())
        .as("the new cart restarts the 30 minutes")
        .isFalse();
    s.advance(Duration.ofHours(1));
    assertThat(membership("ada").path("member").asBoolean()).isTrue();
    assertThat(s.trace("ada")).contains("entry:entered", "entry:locked");
    assertThat(s.journeysOf("ada").path("runs")).hasSize(1);
  }

  @Test
  void e_aPurchaseMidDripStopsItAndTakesThemOutOfTheSegment() {
    buy("bob");
    assertThat(s.trace("bob")).contains("goal:reached");
    assertThat(s.journeysOf("bob").path("runs").get(0).path("status").asText())
        .isEqualTo("exited_on_goal");
    assertThat(membership("bob").path("member").asBoolean()).isFalse();
  }

  @Test
  void z_threeDaysLaterTheDripHasRunItsCourse() {
    s.advance(Duration.ofDays(3));
    List<Outbox.Message> ada = s.outboxFor("ada@example.com");
    assertThat(ada)
        .extracting(Outbox.Message::step)
        .containsExactly("cart-reminder", "cart-nudge", "cart-last-chance");
    assertThat(ada)
        .extracting(Outbox.Message::at)
        .containsExactly(SWEEP, SWEEP.plus(Duration.ofDays(1)), SWEEP.plus(Duration.ofDays(3)));
    assertThat(ada.get(2).subject())
        .isEqualTo("Last chance: free delivery on your cart until tonight");
    assertThat(s.steps("bob@example.com"))
        .as("bought after the first reminder")
        .containsExactly("cart-reminder");
    assertThat(s.steps("gus@example.com")).containsExactly("cart-nudge", "cart-last-chance");

    Outbox.Message sms = s.outboxFor("+48608123458").get(0);
    assertThat(sms.channel()).isEqualTo("sms");
    assertThat(sms.step()).isEqualTo("cart-sms");
    assertThat(sms.at()).isEqualTo(SWEEP.plus(Duration.ofDays(1)));
    assertThat(sms.body()).startsWith("Hana, psst... you still have items in your cart.");
    assertThat(s.steps("hana@example.com"))
        .containsExactly("cart-reminder", "cart-nudge", "cart-last-chance");

    JsonNode stats = s.api.get("/v1/journeys/abandoned-cart/stats").body().path("versions").get(0);
    assertThat(stats.path("entered").asLong()).isEqualTo(6);
    assertThat(stats.path("goalReached").asLong()).isEqualTo(1);
    assertThat(stats.path("refused").path("locked").asLong()).isEqualTo(1);
    assertThat(stats.path("steps").path("step:cart-sms:sent").asLong()).isEqualTo(1);
  }

  @Test
  void zz_noSmsConsentOrAnInvalidNumberSendsNoSmsAndSaysWhyAndTheDripGoesOn() {
    assertThat(s.outboxFor("+48608123459")).as("ivan gave no SMS consent").isEmpty();
    assertThat(sendDecision("ivan", "cart-sms").path("decision").asText()).isEqualTo("no_consent");
    assertThat(s.runtime.outbox().messages())
        .filteredOn(m -> m.channel().equals("sms"))
        .extracting(Outbox.Message::recipient)
        .containsExactly("+48608123458");
    JsonNode invalid = sendDecision("jan", "cart-sms");
    assertThat(invalid.path("decision").asText()).isEqualTo("invalid_number");
    assertThat(invalid.path("reason").asText()).contains("not a valid number");
    for (String who : List.of("ivan", "jan")) {
      assertThat(s.steps(who + "@example.com"))
          .containsExactly("cart-reminder", "cart-nudge", "cart-last-chance");
    }
  }

  JsonNode sendDecision(String who, String step) {
    JsonNode last = null;
    JsonNode trace = s.journeysOf(who).path("trace");
    for (JsonNode t : trace) {
      if (t.path("kind").asText().equals("send") && t.path("key").asText().endsWith("#" + step)) {
        last = t;
      }
    }
    assertThat(last)
        .as("the send decision of " + step + " for " + who + " in " + trace)
        .isNotNull();
    return last;
  }
}
