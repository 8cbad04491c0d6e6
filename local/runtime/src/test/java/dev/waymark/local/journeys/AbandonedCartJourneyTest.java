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
 * Seed 001's abandoned-cart drip through the HTTP API on the virtual clock. Everybody adds a
 * product at 09:00 on a Tuesday; the test methods run in order on one runtime and move the clock
 * forward: 30 minutes (the abandonment check), then to the reminders one and three days after the
 * cart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.MethodName.class)
class AbandonedCartJourneyTest {
  static final Instant TUESDAY_9AM = Instant.parse("2026-11-24T09:00:00Z");
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
    for (String who : List.of("ada", "bob", "cara", "gus")) {
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

  @Test
  void a_anOrderWithinThirtyMinutesIsNoAbandonedCart() {
    s.advance(Duration.ofMinutes(10));
    buy("cara");
    assertThat(s.trace("cara")).contains("entry:entered", "wait:performed", "goal:reached");
    s.advance(Duration.ofMinutes(20));
    assertThat(s.outboxFor("cara@example.com")).isEmpty();
  }

  @Test
  void b_thirtyMinutesWithoutAnOrderBringTheFirstReminder() {
    Outbox.Message reminder = s.outboxFor("ada@example.com").get(0);
    assertThat(reminder.step()).isEqualTo("cart-reminder");
    assertThat(reminder.channel()).isEqualTo("email");
    assertThat(reminder.at()).isEqualTo(TUESDAY_9AM.plus(Duration.ofMinutes(30)));
    assertThat(reminder.subject()).isEqualTo("Ada, you left something in your cart");
    assertThat(reminder.body()).contains("E-V roof box", "https://shop.example.com/cart/cart-ada");
    assertThat(s.trace("ada")).contains("wait:timed_out", "send:sent");
  }

  @Test
  void c_theAppGetsAPushInsteadOfAnEmail() {
    assertThat(s.outboxFor("gus@example.com")).isEmpty();
    Outbox.Message push = s.outboxFor("apns-gus").get(0);
    assertThat(push.channel()).isEqualTo("push");
    assertThat(push.step()).isEqualTo("cart-reminder");
    assertThat(push.at()).isEqualTo(TUESDAY_9AM.plus(Duration.ofMinutes(30)));
  }

  @Test
  void d_aSecondCartWithinTheLockIsRefused() {
    addToCart("ada");
    assertThat(s.trace("ada")).contains("entry:entered", "entry:locked");
    assertThat(s.journeysOf("ada").path("runs")).hasSize(1);
  }

  @Test
  void e_aPurchaseMidDripStopsIt() {
    s.advance(Duration.ofHours(2));
    buy("bob");
    assertThat(s.trace("bob")).contains("goal:reached");
    assertThat(s.journeysOf("bob").path("runs").get(0).path("status").asText())
        .isEqualTo("exited_on_goal");
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
        .containsExactly(
            TUESDAY_9AM.plus(Duration.ofMinutes(30)),
            TUESDAY_9AM.plus(Duration.ofDays(1)),
            TUESDAY_9AM.plus(Duration.ofDays(3)));
    assertThat(ada.get(2).subject())
        .isEqualTo("Last chance: free delivery on your cart until tonight");
    assertThat(s.steps("bob@example.com"))
        .as("bought after the first reminder")
        .containsExactly("cart-reminder");
    assertThat(s.steps("cara@example.com")).as("bought within 30 minutes").isEmpty();
    assertThat(s.steps("gus@example.com")).containsExactly("cart-nudge", "cart-last-chance");

    JsonNode stats = s.api.get("/v1/journeys/abandoned-cart/stats").body().path("versions").get(0);
    assertThat(stats.path("entered").asLong()).isEqualTo(4);
    assertThat(stats.path("goalReached").asLong()).isEqualTo(2);
    assertThat(stats.path("refused").path("locked").asLong()).isEqualTo(1);
  }
}
