package dev.waymark.local.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.segment.InternalEvents;
import dev.waymark.local.LocalApi;
import dev.waymark.local.aws.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One advance of 70 days over the HTTP clock route crosses many scheduled instants — five daily
 * date-trigger runs, a journey's waitFor time-out and waits, an hourly segment re-check and a
 * weekly audience schedule — and every message and event carries its own scheduled instant, not the
 * instant the advance ended at. The route answers only once all of it is processed: nothing here
 * waits after it.
 */
class TimeTravelExactTest {
  /** A Monday, 10:00 in Tokyo (inside the default 08:00-21:00 send window). */
  static final Instant START = Instant.parse("2026-03-02T01:00:00Z");

  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  @Test
  void everyTimerScheduleAndRecheckFiresAtItsOwnInstant() throws Exception {
    try (JourneyScenario s = new JourneyScenario(START)) {
      // leases ending a week apart: each is found by the first hourly date-trigger run of the day
      // 90 days before in Tokyo (00:05 there, 15:05 UTC the day before); the offer waits for the
      // send window to open at 08:00 there (23:00 UTC)
      Map<String, Instant> scans = new LinkedHashMap<>();
      for (int k = 1; k <= 5; k++) {
        LocalDate leaseEnd = LocalDate.of(2026, 3, 2).plusDays(90 + 7L * k);
        String user = "lease-" + k;
        s.person(user, traits(user, ",\"leaseEnd\":\"" + leaseEnd + "\""), "email");
        scans.put(user, leaseEnd.minusDays(90).atStartOfDay(TOKYO).toInstant().plusSeconds(300));
      }
      s.person("cart", traits("cart", ""), "email");
      s.send(
          "{\"type\":\"track\",\"userId\":\"cart\",\"event\":\"Product Added\",\"properties\":"
              + "{\"cartId\":\"cart-1\",\"productName\":\"roof box\",\"price\":349}}");

      LocalApi.Answer advanced = s.api.post("/_local/clock/advance", "{\"by\":\"P70D\"}");
      assertThat(advanced.status()).isEqualTo(200);
      assertThat(advanced.body().path("now").asText())
          .isEqualTo(START.plus(Duration.ofDays(70)).toString());

      for (Map.Entry<String, Instant> scan : scans.entrySet()) {
        List<Outbox.Message> sent = s.outboxFor(scan.getKey() + "@example.com");
        assertThat(sent).extracting(Outbox.Message::step).containsExactly("lease-offer");
        assertThat(sent.get(0).at())
            .as(scan.getKey())
            .isEqualTo(scan.getValue().plus(Duration.ofMinutes(7 * 60 + 55)));
        JsonNode event = only(events(s, scan.getKey(), InternalEvents.DATE_TRAIT_REACHED));
        assertThat(event.path("timestamp").asText()).isEqualTo(scan.getValue().toString());
        assertThat(Instant.parse(event.path("receivedAt").asText())).isEqualTo(scan.getValue());
      }

      // the drip: the abandoned-cart segment's check falls due 30 minutes after the cart and the
      // hourly sweep of 02:00 runs it (the entry); then one day and three days after the entry
      Instant entry = START.plus(Duration.ofHours(1));
      assertThat(s.outboxFor("cart@example.com"))
          .extracting(Outbox.Message::step, Outbox.Message::at)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("cart-reminder", entry),
              org.assertj.core.groups.Tuple.tuple("cart-nudge", entry.plus(Duration.ofDays(1))),
              org.assertj.core.groups.Tuple.tuple(
                  "cart-last-chance", entry.plus(Duration.ofDays(3))));

      // 60 days without an event of their own: the re-check falls due just after START + 60 days
      // (the event leaves the window then), so the hourly sweep of the next hour runs it; the next
      // Monday 10:00 in Tokyo the weekly reactivation schedule asks them to enter; the next Monday
      // their lock (P28D) still runs, so that run settles the refusal ahead of the router (no
      // event, the router's trace at the run's own instant)
      Instant inactive = START.plus(Duration.ofDays(60)).plus(Duration.ofHours(1));
      Instant monday = Instant.parse("2026-05-04T01:00:00Z");
      for (String user : List.of("cart", "lease-1", "lease-5")) {
        JsonNode entered =
            events(s, user, InternalEvents.SEGMENT_ENTERED).stream()
                .filter(
                    e -> e.path("properties").path("segmentId").asText().equals("inactive-60-days"))
                .findFirst()
                .orElseThrow();
        assertThat(entered.path("timestamp").asText()).as(user).isEqualTo(inactive.toString());
        assertThat(events(s, user, InternalEvents.AUDIENCE_SCHEDULE_FIRED))
            .as(user)
            .extracting(
                e -> e.path("timestamp").asText(),
                e -> e.path("properties").path("entryKey").asText())
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple(
                    monday.toString(), "reactivation-weekly:2026-05-04"));
        // the advance ends on the second Monday 01:00, whose run settles the locked entry
        assertThat(entryTrace(s, user, "reactivation"))
            .as(user)
            .containsExactly(monday + " entered", monday.plus(Duration.ofDays(7)) + " locked");
      }
      assertThat(s.runtime.scheduler().scheduler().failures()).isEmpty();
    }
  }

  private static String traits(String user, String more) {
    return "{\"email\":\""
        + user
        + "@example.com\",\"firstName\":\"Kai\",\"timezone\":\"Asia/Tokyo\""
        + more
        + "}";
  }

  /** The person's stored events named {@code name}, newest first. */
  private static List<JsonNode> events(JourneyScenario s, String user, String name) {
    List<JsonNode> found = new ArrayList<>();
    String path = "/v1/profiles/" + s.profileId(user) + "/events?limit=100";
    for (JsonNode event : s.api.get(path).body().path("events")) {
      if (name.equals(event.path("event").asText())) {
        found.add(event);
      }
    }
    return found;
  }

  /** The person's entry decisions on a journey, oldest first, as "at decision". */
  private static List<String> entryTrace(JourneyScenario s, String user, String journeyId) {
    List<String> found = new ArrayList<>();
    for (JsonNode t :
        s.api.get("/v1/profiles/" + s.profileId(user) + "/journeys").body().path("trace")) {
      if (t.path("kind").asText().equals("entry")
          && t.path("journeyId").asText().equals(journeyId)) {
        found.add(t.path("at").asText() + " " + t.path("decision").asText());
      }
    }
    found.sort(null);
    return found;
  }

  private static JsonNode only(List<JsonNode> events) {
    assertThat(events).hasSize(1);
    return events.get(0);
  }
}
