package dev.waymark.local.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.local.LocalApi;
import dev.waymark.local.aws.Outbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/messages}: the day's message log across people, newest first, paged with signed
 * cursors, with refused sends beside sent ones and each message's feedback (here an open).
 */
class MessageLogOverHttpTest {
  private static final Instant START = Instant.parse("2026-11-24T08:00:00Z");

  @Test
  void theDaysLogListsEverySendDecisionOnceAcrossPagesWithItsFeedback() throws Exception {
    try (JourneyScenario s = new JourneyScenario(START)) {
      for (String name : List.of("ana", "ben", "cat", "dan")) {
        // dan has given no consent: his confirmation is logged as refused
        String[] channels = name.equals("dan") ? new String[0] : new String[] {"email"};
        s.person(name, "{\"email\":\"" + name + "@example.com\"}", channels);
        s.send(
            "{\"type\":\"track\",\"userId\":\""
                + name
                + "\",\"event\":\"Test Drive Booked\",\"properties\":"
                + "{\"startsAt\":\"2026-12-01T10:30:00+01:00\",\"location\":\"Warsaw\"}}");
      }
      Outbox.Message anas = s.outboxFor("ana@example.com").getFirst();
      assertThat(s.api.post("/_local/outbox/" + anas.id() + "/open", "").status()).isEqualTo(202);
      s.runtime.awaitProcessed();

      List<JsonNode> listed = new ArrayList<>();
      String cursor = null;
      int pages = 0;
      do {
        LocalApi.Answer page =
            s.api.get(
                "/v1/messages?day=2026-11-24&limit=3"
                    + (cursor == null ? "" : "&cursor=" + cursor));
        assertThat(page.status()).isEqualTo(200);
        page.body().path("messages").forEach(listed::add);
        cursor =
            page.body().path("nextCursor").isNull()
                ? null
                : page.body().path("nextCursor").asText();
        pages++;
      } while (cursor != null);

      assertThat(pages).isGreaterThanOrEqualTo(2);
      Map<String, JsonNode> byPerson = new HashMap<>();
      for (JsonNode m : listed) {
        assertThat(m.path("journeyId").asText()).isEqualTo("test-drive");
        assertThat(byPerson.put(m.path("profileId").asText(), m)).as("listed once").isNull();
      }
      assertThat(byPerson).hasSize(4);
      for (int i = 1; i < listed.size(); i++) {
        assertThat(
                listed.get(i - 1).path("at").asText().compareTo(listed.get(i).path("at").asText()))
            .as("newest first")
            .isGreaterThanOrEqualTo(0);
      }
      JsonNode ana = byPerson.get(s.profileId("ana"));
      assertThat(ana.path("status").asText()).isEqualTo("sent");
      assertThat(ana.path("channel").asText()).isEqualTo("email");
      assertThat(ana.path("feedback")).extracting(JsonNode::asText).contains("open");
      JsonNode dan = byPerson.get(s.profileId("dan"));
      assertThat(dan.path("status").asText()).isEqualTo("no_consent");
      assertThat(ana.has("to")).as("no address in the log").isFalse();

      LocalApi.Answer first = s.api.get("/v1/messages?day=2026-11-24&limit=1");
      String otherDay = first.body().path("nextCursor").asText();
      LocalApi.Answer refused = s.api.get("/v1/messages?day=2026-11-23&cursor=" + otherDay);
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("cursor");
      assertThat(refused.body().path("detail").asText())
          .contains("not a cursor this API issued for this day");

      LocalApi.Answer quiet = s.api.get("/v1/messages?day=2026-11-20");
      assertThat(quiet.body().path("messages")).isEmpty();
      assertThat(quiet.body().path("nextCursor").isNull()).isTrue();
      assertThat(s.api.get("/v1/messages").body().path("day").asText()).isEqualTo("2026-11-24");
    }
  }
}
