package dev.waymark.local.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.local.LocalApi;
import dev.waymark.local.aws.Outbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Date triggers through the local runtime's HTTP API on the virtual clock: the shipped
 * warranty-extension journey (warrantyEnd -P30D) enters each person at the first hourly run of
 * their own local day, whatever their time zone; a trait moved before its day moves the trigger, a
 * trait removed cancels it; a yearly birthday journey published after the birthdays were set finds
 * them (every date trait is indexed), and a 29 February birthday is kept on 28 February.
 */
class DateTriggerScenarioTest {
  /** Tuesday 1 December 2026, 10:00 UTC. */
  static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void warrantyEndMinus30DaysEntersEachPersonOnTheirLocalDay() throws Exception {
    try (JourneyScenario s = new JourneyScenario(START)) {
      // everyone's warranty ends on 2 January 2027: the trigger day is 3 December, local time
      person(s, "dave", "Europe/Berlin", "2027-01-02");
      person(s, "kiri", "Pacific/Kiritimati", "2027-01-02"); // UTC+14: the first to get there
      person(s, "lani", "Pacific/Pago_Pago", "2027-01-02"); // UTC-11: the last
      person(s, "utc", null, "2027-01-02");
      person(s, "moved", null, "2027-01-02");
      person(s, "removed", "Europe/Berlin", "2027-01-02");

      advance(s, "PT20H"); // to 2 December 06:00 UTC: nobody's day yet
      assertThat(dateEvents(s, "kiri")).isEmpty();
      // the CRM moves one warranty by a week and removes another before their day comes
      s.send(identify("moved", "{\"warrantyEnd\":\"2027-01-09\"}"));
      s.send(identify("removed", "{\"warrantyEnd\":null}"));
      advance(s, "P3D");

      assertThat(enteredAt(s, "kiri")).isEqualTo(Instant.parse("2026-12-02T10:05:00Z"));
      assertThat(enteredAt(s, "dave")).isEqualTo(Instant.parse("2026-12-02T23:05:00Z"));
      assertThat(enteredAt(s, "utc")).isEqualTo(Instant.parse("2026-12-03T00:05:00Z"));
      assertThat(enteredAt(s, "lani")).isEqualTo(Instant.parse("2026-12-03T11:05:00Z"));
      for (String user : List.of("kiri", "dave", "utc", "lani")) {
        JsonNode event = dateEvents(s, user).get(0);
        assertThat(event.path("properties").path("trait").asText()).isEqualTo("warrantyEnd");
        assertThat(event.path("properties").path("offset").asText()).isEqualTo("-P30D");
        assertThat(event.path("properties").path("daysLeft").asInt()).isEqualTo(30);
        assertThat(s.steps(user + "@example.com")).as(user).containsExactly("warranty-offer");
        Outbox.Message offer = s.outboxFor(user + "@example.com").get(0);
        assertThat(offer.subject()).contains("your warranty ends on 2027-01-02");
      }
      assertThat(dateEvents(s, "moved")).isEmpty();
      assertThat(dateEvents(s, "removed")).isEmpty();

      // Kiri extends; the others hear again three weeks after the offer (SMS first)
      s.send("{\"type\":\"track\",\"userId\":\"kiri\",\"event\":\"Warranty Extended\"}");
      advance(s, "P8D"); // 12 December 06:00 UTC: the moved warranty's day (10 December) passed
      assertThat(enteredAt(s, "moved")).isEqualTo(Instant.parse("2026-12-10T00:05:00Z"));
      assertThat(dateEvents(s, "moved").get(0).path("properties").path("date").asText())
          .isEqualTo("2027-01-09");
      assertThat(dateEvents(s, "removed")).isEmpty();
      assertThat(s.steps("removed@example.com")).isEmpty();
      advance(s, "P14D");
      assertThat(s.steps("+4915100000001")).containsExactly("warranty-last-call");
      assertThat(s.steps("+4915100000002")).isEmpty(); // kiri extended
      assertThat(s.runtime.scheduler().scheduler().failures()).isEmpty();
      assertThat(s.runtime.deadLetterCount()).isZero();
    }
  }

  @Test
  void aYearlyBirthdayJourneyPublishedLaterFindsEveryoneAndKeeps29FebruaryOnThe28th()
      throws Exception {
    try (JourneyScenario s = new JourneyScenario(START)) {
      s.person("ada", "{\"email\":\"ada@example.com\",\"birthday\":\"1990-12-05\"}", "email");
      s.person("leap", "{\"email\":\"leap@example.com\",\"birthday\":\"2000-02-29\"}", "email");
      s.person("later", "{\"email\":\"later@example.com\",\"birthday\":\"2030-12-05\"}", "email");
      // published after the birthdays were set: no backfill, every date trait is on the index
      assertThat(
              s.api
                  .put(
                      "/v1/templates/birthday-greeting",
                      """
                      {"email":{"subject":"Happy birthday","html":"<p>Happy birthday</p>",
                       "text":"Happy birthday"},"sample":{"profile":{}}}""")
                  .status())
          .isEqualTo(200);
      String journey = "/v1/journeys/birthday-greeting";
      assertThat(
              s.api
                  .put(
                      journey,
                      """
                      {"id":"birthday-greeting","entry":{"dateTrait":
                        {"trait":"birthday","offset":"P0D","yearly":true}},
                       "steps":[{"id":"greeting","type":"send","channels":["email"],
                        "template":"birthday-greeting","window":"any"}]}""")
                  .status())
          .isEqualTo(200);
      assertThat(s.api.post(journey + "/publish", "").status()).isEqualTo(200);

      advance(s, "P100D"); // to 11 March 2027
      assertThat(greetings(s, "ada")).containsExactly(Instant.parse("2026-12-05T00:05:00Z"));
      assertThat(greetings(s, "leap")).containsExactly(Instant.parse("2027-02-28T00:05:00Z"));
      advance(s, "P365D"); // to 10 March 2028: a leap year
      assertThat(greetings(s, "ada"))
          .containsExactly(
              Instant.parse("2026-12-05T00:05:00Z"), Instant.parse("2027-12-05T00:05:00Z"));
      assertThat(greetings(s, "leap"))
          .containsExactly(
              Instant.parse("2027-02-28T00:05:00Z"), Instant.parse("2028-02-29T00:05:00Z"));
      assertThat(greetings(s, "later")).isEmpty(); // no anniversary before the date itself
      assertThat(s.runtime.scheduler().scheduler().failures()).isEmpty();
    }
  }

  private static int phones = 0;

  private static void person(JourneyScenario s, String user, String zone, String warrantyEnd) {
    String phone = "+49151000000" + String.format("%02d", ++phones);
    s.person(
        user,
        "{\"email\":\""
            + user
            + "@example.com\",\"phone\":\""
            + phone
            + "\",\"firstName\":\"Dave\""
            + (zone == null ? "" : ",\"timezone\":\"" + zone + "\"")
            + ",\"warrantyEnd\":\""
            + warrantyEnd
            + "\"}",
        "email",
        "sms");
  }

  private static String identify(String user, String traits) {
    return "{\"type\":\"identify\",\"userId\":\"" + user + "\",\"traits\":" + traits + "}";
  }

  private static void advance(JourneyScenario s, String by) {
    LocalApi.Answer answer = s.api.post("/_local/clock/advance", "{\"by\":\"" + by + "\"}");
    assertThat(answer.status()).isEqualTo(200);
  }

  private static List<Instant> greetings(JourneyScenario s, String user) {
    return s.outboxFor(user + "@example.com").stream().map(Outbox.Message::at).toList();
  }

  private static Instant enteredAt(JourneyScenario s, String user) {
    List<JsonNode> events = dateEvents(s, user);
    assertThat(events).as(user).hasSize(1);
    return Instant.parse(events.get(0).path("timestamp").asText());
  }

  /** The person's stored Date Trait Reached events, newest first. */
  private static List<JsonNode> dateEvents(JourneyScenario s, String user) {
    List<JsonNode> found = new ArrayList<>();
    String path = "/v1/profiles/" + s.profileId(user) + "/events?limit=100";
    for (JsonNode event : s.api.get(path).body().path("events")) {
      if ("Date Trait Reached".equals(event.path("event").asText())) {
        found.add(event);
      }
    }
    return found;
  }
}
