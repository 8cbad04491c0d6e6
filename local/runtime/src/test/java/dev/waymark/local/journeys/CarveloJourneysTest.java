package dev.waymark.local.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.local.aws.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sarah's story (seed 000) through the HTTP API on the virtual clock: every Carvelo journey, in
 * order.
 */
class CarveloJourneysTest {
  static final Instant MONDAY_9AM_WARSAW = Instant.parse("2026-11-23T08:00:00Z");

  @Test
  void sarahsStory() throws Exception {
    try (JourneyScenario s = new JourneyScenario(MONDAY_9AM_WARSAW)) {
      s.person(
          "sarah",
          "{\"email\":\"sarah@example.com\",\"phone\":\"+48 608 123 456\",\"firstName\":\"Sarah\","
              + "\"car\":\"2019 Model A\",\"timezone\":\"Europe/Warsaw\",\"leaseEnd\":\"2027-02-21\"}",
          "email",
          "sms",
          "push");
      s.send(
          "{\"type\":\"identify\",\"userId\":\"sarah\",\"identities\":{\"pushToken\":\"apns-sarah\"}}");

      // her lease ends in 90 days and her day (in Warsaw) has begun: the next hourly date-trigger
      // run (08:05 UTC) emits Date Trait Reached; the name is reserved, so only Waymark sends it
      s.advance(Duration.ofMinutes(5));
      assertThat(last(s, "sarah@example.com").subject())
          .isEqualTo("Sarah, your lease ends soon - a private offer inside");

      s.send(
          "{\"type\":\"track\",\"userId\":\"sarah\",\"event\":\"Configuration Started\",\"properties\":"
              + "{\"configurationId\":\"cfg-7\",\"model\":\"E-V Model\",\"color\":\"Arctic White\",\"price\":41990}}");
      s.advance(Duration.ofDays(1));
      Outbox.Message reminder = last(s, "sarah@example.com");
      assertThat(reminder.step()).isEqualTo("configuration-reminder");
      assertThat(reminder.body()).contains("E-V Model", "41990", "test-drive?configuration=cfg-7");

      s.send(
          "{\"type\":\"track\",\"userId\":\"sarah\",\"event\":\"Test Drive Booked\",\"properties\":"
              + "{\"startsAt\":\"2026-11-27T10:30:00+01:00\",\"location\":\"Carvelo Warsaw, Grzybowska 5\"}}");
      assertThat(last(s, "sarah@example.com").step()).isEqualTo("test-drive-confirmation");
      s.advance(Duration.ofDays(3));
      Outbox.Message push = last(s, "apns-sarah");
      assertThat(push.channel()).isEqualTo("push");
      assertThat(push.at())
          .as("07:00 in Warsaw on the day")
          .isEqualTo(Instant.parse("2026-11-27T06:00:00Z"));
      Outbox.Message sms = last(s, "+48608123456");
      assertThat(sms.channel()).isEqualTo("sms");
      assertThat(sms.body()).contains("Grzybowska 5");

      s.send("{\"type\":\"track\",\"userId\":\"sarah\",\"event\":\"Test Drive Attended\"}");
      assertThat(last(s, "sarah@example.com").step()).isEqualTo("car-loan-offer");

      s.send(
          "{\"type\":\"track\",\"userId\":\"sarah\",\"event\":\"Loan Application Submitted\",\"properties\":{\"applicationId\":\"loan-1\"}}");
      assertThat(last(s, "sarah@example.com").step()).isEqualTo("pre-approval");
      s.advance(Duration.ofDays(3));
      assertThat(last(s, "sarah@example.com").step()).isEqualTo("sign-request");
      s.send("{\"type\":\"track\",\"userId\":\"sarah\",\"event\":\"Loan Documents Signed\"}");
      assertThat(last(s, "sarah@example.com").step()).isEqualTo("confirm-email");

      List<String> emails =
          s.outboxFor("sarah@example.com").stream().map(Outbox.Message::step).toList();
      assertThat(emails)
          .containsExactly(
              "lease-offer",
              "configuration-reminder",
              "test-drive-confirmation",
              "car-loan-offer",
              "pre-approval",
              "sign-request",
              "confirm-email");
    }
  }

  @Test
  void aQuoteRequestForTheSameConfigurationCancelsTheReminderButAnotherConfigurationsDoesNot()
      throws Exception {
    try (JourneyScenario s = new JourneyScenario(MONDAY_9AM_WARSAW)) {
      s.person("olek", "{\"email\":\"olek@example.com\"}", "email");
      s.send(
          "{\"type\":\"track\",\"userId\":\"olek\",\"event\":\"Configuration Started\",\"properties\":{\"configurationId\":\"a\",\"model\":\"E-V Model\",\"price\":1}}");
      s.send(
          "{\"type\":\"track\",\"userId\":\"olek\",\"event\":\"Configuration Started\",\"properties\":{\"configurationId\":\"b\",\"model\":\"Model S\",\"price\":2}}");
      s.send(
          "{\"type\":\"track\",\"userId\":\"olek\",\"event\":\"Quote Requested\",\"properties\":{\"configurationId\":\"a\"}}");
      s.advance(Duration.ofDays(1));
      assertThat(s.outboxFor("olek@example.com"))
          .singleElement()
          .satisfies(m -> assertThat(m.body()).contains("Model S"));
    }
  }

  @Test
  void anInvalidPhoneNumberMeansNoSmsAndTheReasonIsLogged() throws Exception {
    try (JourneyScenario s = new JourneyScenario(MONDAY_9AM_WARSAW)) {
      s.person(
          "piotr",
          "{\"email\":\"piotr@example.com\",\"phone\":\"+48 12\",\"timezone\":\"Europe/Warsaw\"}",
          "email",
          "sms");
      s.send(
          "{\"type\":\"track\",\"userId\":\"piotr\",\"event\":\"Test Drive Booked\",\"properties\":"
              + "{\"startsAt\":\"2026-11-24T10:30:00+01:00\",\"location\":\"Warsaw\"}}");
      s.advance(Duration.ofDays(1));
      assertThat(s.outboxFor("piotr@example.com"))
          .extracting(Outbox.Message::step)
          .containsExactly("test-drive-confirmation", "test-drive-reminder");
      assertThat(s.runtime.outbox().messages()).noneMatch(m -> m.channel().equals("sms"));
      String trace =
          s.api
              .get("/v1/profiles/" + s.profileId("piotr") + "/journeys")
              .body()
              .path("trace")
              .toString();
      assertThat(trace).contains("invalid_number", "the phone number is not a valid number");
    }
  }

  private static Outbox.Message last(JourneyScenario s, String recipient) {
    List<Outbox.Message> messages = s.outboxFor(recipient);
    assertThat(messages).as("messages to " + recipient).isNotEmpty();
    return messages.get(messages.size() - 1);
  }
}
