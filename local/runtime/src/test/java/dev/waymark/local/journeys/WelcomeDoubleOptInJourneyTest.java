package dev.waymark.local.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.local.aws.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Seed 003's welcome with double opt-in through the HTTP API on the virtual clock. The sign-up form
 * records consent for the "service" topic only, so the confirmation request can go out; the
 * confirmation link records email consent and sends Email Confirmed, which lets the welcome
 * (newsletter topic) go out. Everybody signs up at 09:00 on a Tuesday; the methods run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.MethodName.class)
class WelcomeDoubleOptInJourneyTest {
  static final Instant TUESDAY_9AM = Instant.parse("2026-11-24T09:00:00Z");
  static final Pattern CONFIRM = Pattern.compile("href=\"([^\"]+/v1/confirm\\?token=[^\"]+)\"");
  JourneyScenario s;

  @BeforeAll
  void start() throws Exception {
    s = new JourneyScenario(TUESDAY_9AM);
    for (String who : List.of("ada", "bob", "cara")) {
      signUp(who);
    }
  }

  @AfterAll
  void stop() {
    s.close();
  }

  /** What the sign-up form does: identify, consent to service emails, then Signed Up. */
  void signUp(String who) {
    String id =
        s.person(
            who,
            "{\"email\":\"" + who + "@example.com\",\"firstName\":\"" + capitalised(who) + "\"}");
    s.api.put(
        "/v1/profiles/" + id + "/consents",
        "{\"consents\":[{\"channel\":\"email\",\"topic\":\"service\",\"status\":\"granted\",\"source\":\"signup-form\"}]}");
    s.send("{\"type\":\"track\",\"userId\":\"" + who + "\",\"event\":\"Signed Up\"}");
  }

  /**
   * The person clicks the signed link of the last email (GET /v1/confirm: Email Confirmed); the
   * confirmation page the shop shows records the email consent.
   */
  void confirm(String who) {
    List<Outbox.Message> mails = s.outboxFor(who + "@example.com");
    Matcher link = CONFIRM.matcher(mails.get(mails.size() - 1).html());
    assertThat(link.find()).isTrue();
    s.api.put(
        "/v1/profiles/" + s.profileId(who) + "/consents",
        "{\"consents\":[{\"channel\":\"email\",\"status\":\"granted\",\"source\":\"double-opt-in\"}]}");
    assertThat(s.api.open(link.group(1)).status()).isEqualTo(200);
    s.runtime.awaitProcessed();
  }

  static String capitalised(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  @Test
  void a_signingUpSendsTheConfirmationRequestAtOnce() {
    for (String who : List.of("ada", "bob", "cara")) {
      Outbox.Message request = s.outboxFor(who + "@example.com").get(0);
      assertThat(request.step()).isEqualTo("confirmation-request");
      assertThat(request.at()).isEqualTo(TUESDAY_9AM);
      assertThat(request.subject()).isEqualTo("Please confirm your email address");
      assertThat(request.body()).contains("/v1/confirm?token=");
    }
  }

  @Test
  void b_confirmingSendsTheWelcome() {
    s.advance(Duration.ofHours(1));
    confirm("ada");
    List<Outbox.Message> ada = s.outboxFor("ada@example.com");
    assertThat(ada)
        .extracting(Outbox.Message::step)
        .containsExactly("confirmation-request", "welcome");
    assertThat(ada.get(1).at()).isEqualTo(TUESDAY_9AM.plus(Duration.ofHours(1)));
    assertThat(ada.get(1).subject()).isEqualTo("Welcome, Ada!");
    assertThat(s.trace("ada")).contains("wait:performed", "goal:reached");
  }

  @Test
  void c_signingUpAgainStartsNothing() {
    s.send("{\"type\":\"track\",\"userId\":\"ada\",\"event\":\"Signed Up\"}");
    assertThat(s.trace("ada")).contains("entry:already_entered_once");
    assertThat(s.journeysOf("ada").path("runs")).hasSize(1);
  }

  @Test
  void d_noConfirmationInTwoDaysBringsOneReminder() {
    s.advance(Duration.ofDays(2));
    List<Outbox.Message> bob = s.outboxFor("bob@example.com");
    assertThat(bob)
        .extracting(Outbox.Message::step)
        .containsExactly("confirmation-request", "confirmation-reminder");
    assertThat(bob.get(1).at()).isEqualTo(TUESDAY_9AM.plus(Duration.ofDays(2)));
    assertThat(s.trace("bob")).contains("wait:timed_out");
  }

  @Test
  void e_aConfirmationAfterTheReminderStillGetsTheWelcome() {
    s.advance(Duration.ofDays(1));
    confirm("cara");
    assertThat(s.steps("cara@example.com"))
        .containsExactly("confirmation-request", "confirmation-reminder", "welcome");
    assertThat(s.outboxFor("cara@example.com").get(2).at())
        .isEqualTo(TUESDAY_9AM.plus(Duration.ofDays(3)).plus(Duration.ofHours(1)));
  }

  @Test
  void y_aLateNightSignUpGetsTheRequestAtOnceButTheReminderWaitsForTheMorning() throws Exception {
    Instant lateNight = Instant.parse("2026-11-24T23:30:00Z");
    try (JourneyScenario night = new JourneyScenario(lateNight)) {
      String id = night.person("owl", "{\"email\":\"owl@example.com\"}");
      night.api.put(
          "/v1/profiles/" + id + "/consents",
          "{\"consents\":[{\"channel\":\"email\",\"topic\":\"service\",\"status\":\"granted\",\"source\":\"signup-form\"}]}");
      night.send("{\"type\":\"track\",\"userId\":\"owl\",\"event\":\"Signed Up\"}");
      night.advance(Duration.ofDays(3));
      List<Outbox.Message> owl = night.outboxFor("owl@example.com");
      assertThat(owl)
          .extracting(Outbox.Message::step)
          .containsExactly("confirmation-request", "confirmation-reminder");
      assertThat(owl.get(0).at()).as("answers the sign-up: any time").isEqualTo(lateNight);
      assertThat(owl.get(1).at())
          .as("the reminder keeps quiet hours: 08:00")
          .isEqualTo(Instant.parse("2026-11-27T08:00:00Z"));
    }
  }

  @Test
  void z_withoutAConfirmationTheReminderIsTheLastMessage() {
    s.advance(Duration.ofDays(7));
    assertThat(s.steps("bob@example.com"))
        .containsExactly("confirmation-request", "confirmation-reminder");
    assertThat(s.trace("bob")).filteredOn(t -> t.equals("wait:timed_out")).hasSize(2);
    assertThat(s.steps("ada@example.com")).containsExactly("confirmation-request", "welcome");

    JsonNode stats =
        s.api.get("/v1/journeys/welcome-double-opt-in/stats").body().path("versions").get(0);
    assertThat(stats.path("entered").asLong()).isEqualTo(3);
    assertThat(stats.path("goalReached").asLong()).isEqualTo(2);
  }
}
