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
 * Seed 003's payment-reminder series through the HTTP API on the virtual clock: a notice when the
 * payment falls due, and before each next reminder a check whether it has been paid. Everybody's
 * payment falls due at 09:00 on a Tuesday; the methods run in order on one runtime.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.MethodName.class)
class PaymentRemindersJourneyTest {
  static final Instant TUESDAY_9AM = Instant.parse("2026-11-24T09:00:00Z");
  JourneyScenario s;

  @BeforeAll
  void start() throws Exception {
    s = new JourneyScenario(TUESDAY_9AM);
    s.person("ada", "{\"email\":\"ada@example.com\",\"firstName\":\"Ada\"}", "email");
    s.person(
        "bob",
        "{\"email\":\"bob@example.com\",\"firstName\":\"Bob\",\"phone\":\"+48 608 123 457\"}",
        "email",
        "sms");
    s.person("cara", "{\"email\":\"cara@example.com\",\"firstName\":\"Cara\"}", "email");
    for (String who : List.of("ada", "bob", "cara")) {
      s.send(
          "{\"type\":\"track\",\"userId\":\""
              + who
              + "\",\"event\":\"Payment Due\",\"properties\":"
              + "{\"invoiceId\":\"inv-"
              + who
              + "\",\"amount\":129.9,\"currency\":\"EUR\",\"dueDate\":\"2026-11-27\"}}");
    }
  }

  @AfterAll
  void stop() {
    s.close();
  }

  void pay(String who) {
    s.send(
        "{\"type\":\"track\",\"userId\":\""
            + who
            + "\",\"event\":\"Payment Received\",\"properties\":"
            + "{\"invoiceId\":\"inv-"
            + who
            + "\",\"amount\":129.9}}");
  }

  @Test
  void a_theNoticeGoesOutWhenThePaymentFallsDue() {
    Outbox.Message notice = s.outboxFor("ada@example.com").get(0);
    assertThat(notice.step()).isEqualTo("payment-due");
    assertThat(notice.at()).isEqualTo(TUESDAY_9AM);
    assertThat(notice.subject()).isEqualTo("Your payment of 129.9 EUR is due on 2026-11-27");
  }

  @Test
  void b_paidAfterTheFirstReminderMeansNoSecond() {
    s.advance(Duration.ofDays(1));
    pay("ada");
    assertThat(s.trace("ada")).contains("wait:performed", "goal:reached");
    assertThat(s.journeysOf("ada").path("runs").get(0).path("status").asText())
        .isEqualTo("exited_on_goal");
  }

  @Test
  void c_noPaymentInThreeDaysBringsTheOverdueReminder() {
    s.advance(Duration.ofDays(2));
    List<Outbox.Message> cara = s.outboxFor("cara@example.com");
    assertThat(cara)
        .extracting(Outbox.Message::step)
        .containsExactly("payment-due", "payment-overdue");
    assertThat(cara.get(1).at()).isEqualTo(TUESDAY_9AM.plus(Duration.ofDays(3)));
    assertThat(cara.get(1).body()).contains("129.9 EUR", "2026-11-27");
    assertThat(s.trace("cara")).contains("wait:timed_out");
    pay("cara");
    assertThat(s.trace("cara")).contains("wait:performed", "goal:reached");
  }

  @Test
  void d_aSecondPaymentDueWithinTheSeriesIsRefused() {
    s.send(
        "{\"type\":\"track\",\"userId\":\"bob\",\"event\":\"Payment Due\",\"properties\":"
            + "{\"invoiceId\":\"inv-bob-2\",\"amount\":10,\"dueDate\":\"2026-12-01\"}}");
    assertThat(s.trace("bob")).contains("entry:entered", "entry:locked");
  }

  @Test
  void z_neverPaidGetsTheWholeSeriesAtTheRightTimes() {
    s.advance(Duration.ofDays(7));
    List<Outbox.Message> bob = s.outboxFor("bob@example.com");
    assertThat(bob)
        .extracting(Outbox.Message::step)
        .containsExactly("payment-due", "payment-overdue", "final-notice");
    assertThat(bob)
        .extracting(Outbox.Message::at)
        .containsExactly(
            TUESDAY_9AM,
            TUESDAY_9AM.plus(Duration.ofDays(3)),
            TUESDAY_9AM.plus(Duration.ofDays(7)));
    Outbox.Message sms = s.outboxFor("+48608123457").get(0);
    assertThat(sms.channel()).isEqualTo("sms");
    assertThat(sms.step()).isEqualTo("final-notice-sms");
    assertThat(sms.at()).isEqualTo(TUESDAY_9AM.plus(Duration.ofDays(7)));
    assertThat(sms.body()).contains("129.9 EUR", "2026-11-27");
    assertThat(s.trace("bob")).filteredOn(t -> t.equals("wait:timed_out")).hasSize(2);

    assertThat(s.steps("ada@example.com"))
        .as("paid after the notice")
        .containsExactly("payment-due");
    assertThat(s.steps("cara@example.com"))
        .as("paid after the overdue reminder")
        .containsExactly("payment-due", "payment-overdue");
    JsonNode stats =
        s.api.get("/v1/journeys/payment-reminders/stats").body().path("versions").get(0);
    assertThat(stats.path("entered").asLong()).isEqualTo(3);
    assertThat(stats.path("goalReached").asLong()).isEqualTo(2);
  }
}
