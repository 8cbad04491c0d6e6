package dev.waymark.local.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.local.LocalApi;
import dev.waymark.local.aws.Outbox;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Seed 002's new-model offer through the HTTP API on the virtual clock: the CRM puts the financing
 * figures on the person as traits and asks for the entry; the e-mail carries them; without the
 * figures nobody is entered; no test drive booked in 7 days brings the reminder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.MethodName.class)
class NewModelOfferJourneyTest {
  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  static final String OFFER =
      "\"offerModel\":\"E-V\",\"offerPrice\":41900,\"offerMonthlyPayment\":389,"
          + "\"offerTermMonths\":48,\"offerApr\":3.9,\"offerDeposit\":5000,\"offerCurrency\":\"EUR\"";
  JourneyScenario s;

  @BeforeAll
  void start() throws Exception {
    s = new JourneyScenario(T0);
    s.person(
        "dave",
        "{\"email\":\"dave@example.com\",\"firstName\":\"Dave\",\"currentModel\":\"C-Line 2021\","
            + OFFER
            + "}",
        "email");
    s.person("dan", "{\"email\":\"dan@example.com\",\"firstName\":\"Dan\"," + OFFER + "}", "email");
    s.person("eve", "{\"email\":\"eve@example.com\",\"firstName\":\"Eve\"}", "email");
  }

  @AfterAll
  void stop() {
    s.close();
  }

  LocalApi.Answer enter(String userId) {
    LocalApi.Answer answer =
        s.api.post(
            "/v1/journeys/new-model-offer/entries",
            "{\"userId\":\"" + userId + "\",\"requestId\":\"crm-" + userId + "\"}");
    s.runtime.awaitProcessed();
    return answer;
  }

  @Test
  void a_theOfferCarriesTheFinancingFiguresFromTheTraits() {
    assertThat(enter("dave").status()).isEqualTo(202);
    Outbox.Message offer = s.outboxFor("dave@example.com").get(0);
    assertThat(offer.step()).isEqualTo("new-model-offer");
    assertThat(offer.at()).isEqualTo(T0);
    assertThat(offer.subject()).isEqualTo("The new E-V for 389 EUR a month");
    assertThat(offer.html())
        .contains(
            "trade in your C-Line 2021?",
            "<td>Price</td><td>41900 EUR</td>",
            "<td>Deposit</td><td>5000 EUR</td>",
            "<td>Term</td><td>48 months</td>",
            "<td>APR</td><td>3.9%</td>",
            "<td>Monthly payment</td><td>389 EUR</td>");
  }

  @Test
  void b_withoutTheFiguresNobodyIsEntered() {
    assertThat(enter("eve").status()).isEqualTo(202);
    assertThat(s.outboxFor("eve@example.com")).isEmpty();
    assertThat(s.journeysOf("eve").path("runs")).isEmpty();
    LocalApi.Answer nobody =
        s.api.post("/v1/journeys/new-model-offer/entries", "{\"userId\":\"nobody\"}");
    assertThat(nobody.status()).isEqualTo(404);
  }

  @Test
  void c_noTestDriveInSevenDaysBringsTheReminder() {
    enter("dan");
    assertThat(s.outboxFor("dan@example.com").get(0).html())
        .as("no current model: the default words")
        .contains("trade in your current car?");
    s.advance(Duration.ofDays(2));
    s.send(
        "{\"type\":\"track\",\"userId\":\"dan\",\"event\":\"Test Drive Booked\",\"properties\":"
            + "{\"startsAt\":\"2026-12-01T10:30:00+01:00\",\"location\":\"Carvelo Warsaw\"}}");
    s.advance(Duration.ofDays(6));
    Outbox.Message reminder = s.outboxFor("dave@example.com").get(1);
    assertThat(reminder.step()).isEqualTo("offer-reminder");
    assertThat(reminder.at()).isEqualTo(T0.plus(Duration.ofDays(7)));
    assertThat(reminder.subject()).isEqualTo("Your E-V offer: 389 EUR a month");
    assertThat(s.steps("dan@example.com"))
        .contains("new-model-offer")
        .doesNotContain("offer-reminder");
    assertThat(s.trace("dan")).contains("wait:performed");
  }
}
