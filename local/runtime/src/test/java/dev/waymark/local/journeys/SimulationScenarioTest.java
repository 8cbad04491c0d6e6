package dev.waymark.local.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.local.LocalApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * {@code POST /v1/journeys/{id}/simulate} through the local runtime's HTTP API: a draft that was
 * never published, replayed against the recorded timelines of people who browsed a cart, gives
 * exactly the entries, branch split, step outcomes (consent respected), messages and times a real
 * run would have; nothing reaches the outbox and the table holds exactly the items it held before.
 */
class SimulationScenarioTest {
  static final Instant MONDAY_10AM_UTC = Instant.parse("2026-11-23T10:00:00Z");
  static final String JOURNEY = "/v1/journeys/sim-cart";

  static final String DRAFT =
      """
      {"id":"sim-cart","name":"Cart follow-up","entry":{"event":"Cart Viewed"},
       "steps":[
        {"id":"route","type":"branch",
         "conditions":[{"trait":"country","op":"equals","value":"PL","next":"offer-pl"}],
         "default":"offer"},
        {"id":"offer","type":"send","channels":["email"],"template":"sim-offer","window":"any","next":"order"},
        {"id":"offer-pl","type":"send","channels":["email"],"template":"sim-offer","window":"any","next":"order"},
        {"id":"order","type":"waitFor","event":"Order Completed","timeout":"P1D",
         "performed":"thanks","timedOut":"reminder"},
        {"id":"thanks","type":"send","channels":["email"],"template":"sim-thanks","window":"any"},
        {"id":"reminder","type":"send","channels":["email"],"template":"sim-reminder","window":"any"}
       ]}""";

  static String template(String subject) {
    return """
        {"email":{"subject":"%s","html":"<p>%s {{ profile.firstName }}</p>"},
         "sample":{"profile":{"firstName":"Ada"}}}"""
        .formatted(subject, subject);
  }

  @Test
  void aDraftReplayedOnRecordedTimelinesSendsNothingAndCountsWhatARunWould() throws Exception {
    try (JourneyScenario s = new JourneyScenario(MONDAY_10AM_UTC)) {
      for (String t : List.of("sim-offer", "sim-thanks", "sim-reminder")) {
        assertThat(s.api.put("/v1/templates/" + t, template(t)).status()).isEqualTo(200);
      }
      String alice =
          s.person("alice", "{\"firstName\":\"Alice\",\"email\":\"alice@example.com\"}", "email");
      String bob =
          s.person(
              "bob",
              "{\"firstName\":\"Bob\",\"email\":\"bob@example.com\",\"country\":\"PL\"}",
              "email");
      String carol = s.person("carol", "{\"firstName\":\"Carol\",\"email\":\"carol@example.com\"}");
      String dave =
          s.person("dave", "{\"firstName\":\"Dave\",\"email\":\"dave@example.com\"}", "email");
      for (String who : List.of("alice", "dave")) {
        s.send("{\"type\":\"page\",\"userId\":\"" + who + "\",\"name\":\"E-V Model\"}");
      }
      s.advance(Duration.ofHours(1));
      s.send("{\"type\":\"track\",\"userId\":\"alice\",\"event\":\"Cart Viewed\"}");
      s.advance(Duration.ofMinutes(10));
      s.send("{\"type\":\"track\",\"userId\":\"bob\",\"event\":\"Cart Viewed\"}");
      s.advance(Duration.ofMinutes(10));
      s.send("{\"type\":\"track\",\"userId\":\"carol\",\"event\":\"Cart Viewed\"}");
      s.advance(Duration.ofMinutes(30));
      s.send("{\"type\":\"track\",\"userId\":\"alice\",\"event\":\"Order Completed\"}");
      assertThat(s.api.put(JOURNEY, DRAFT).status()).isEqualTo(200);
      int itemsBefore = items(s);

      LocalApi.Answer answer =
          s.api.post(
              JOURNEY + "/simulate?person=" + bob,
              """
              {"people":["%s","%s","%s","%s"],"until":"2026-11-26T10:00:00Z"}"""
                  .formatted(alice, bob, carol, dave));

      assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
      JsonNode r = answer.body();
      assertThat(r.path("version").asText()).isEqualTo("draft");
      assertThat(r.path("sample").path("people").asInt()).isEqualTo(4);
      assertThat(r.path("failures")).as(r.toString()).isEmpty();
      JsonNode stats = r.path("stats");
      assertThat(stats.path("entered").asLong()).isEqualTo(3);
      assertThat(counts(stats.path("steps")))
          .isEqualTo(
              Map.of(
                  "step:offer:sent", 1L,
                  "step:offer:no_consent", 1L,
                  "step:offer-pl:sent", 1L,
                  "wait:order:registered", 3L,
                  "wait:order:performed", 1L,
                  "wait:order:timed_out", 2L,
                  "step:thanks:sent", 1L,
                  "step:reminder:sent", 1L,
                  "step:reminder:no_consent", 1L));
      assertThat(counts(r.path("branches").path("route")))
          .isEqualTo(Map.of("offer", 2L, "offer-pl", 1L));
      assertThat(counts(stats.path("branches").path("route")))
          .as("the stats' ways: condition 1 once, the default twice")
          .isEqualTo(Map.of("1", 1L, "default", 2L));
      assertThat(counts(r.path("runs"))).isEqualTo(Map.of("succeeded", 3L));
      assertThat(r.path("messagesWouldSend").asLong()).isEqualTo(4);
      assertThat(messages(r, alice))
          .containsExactly(
              "offer email sim-offer 2026-11-23T11:00:00Z",
              "thanks email sim-thanks 2026-11-23T11:50:00Z");
      assertThat(messages(r, bob))
          .containsExactly(
              "offer-pl email sim-offer 2026-11-23T11:10:00Z",
              "reminder email sim-reminder 2026-11-24T11:10:00Z");
      assertThat(messages(r, carol)).isEmpty();
      assertThat(messages(r, dave)).isEmpty();
      List<String> trace = new ArrayList<>();
      r.path("trace")
          .path("decisions")
          .forEach(d -> trace.add(d.path("kind").asText() + ":" + d.path("decision").asText()));
      assertThat(trace)
          .containsExactly(
              "entry:entered", "branch:offer-pl", "send:sent", "wait:timed_out", "send:sent");

      assertThat(s.runtime.outbox().messages()).as("nothing sent").isEmpty();
      assertThat(items(s)).as("nothing written to the table").isEqualTo(itemsBefore);
      assertThat(s.api.get(JOURNEY + "/stats").body().path("versions")).isEmpty();
      assertThat(s.journeysOf("bob").path("runs")).isEmpty();

      JsonNode interested =
          s.api
              .post(
                  JOURNEY + "/simulate",
                  "{\"segment\":\"interested-in-ev-model\",\"until\":\"2026-11-26T10:00:00Z\"}")
              .body();
      assertThat(interested.path("sample").path("source").asText())
          .isEqualTo("segment:interested-in-ev-model");
      assertThat(interested.path("sample").path("people").asInt())
          .as("the two who viewed the E-V Model page")
          .isEqualTo(2);
      assertThat(interested.path("stats").path("entered").asLong())
          .as("dave viewed no cart")
          .isEqualTo(1);
      assertThat(messages(interested, alice)).hasSize(2);

      assertThat(s.api.post(JOURNEY + "/publish", "").status()).isEqualTo(200);
      assertThat(s.api.put(JOURNEY, DRAFT.replace("sim-thanks", "sim-reminder")).status())
          .isEqualTo(200);
      String alone = "{\"people\":[\"" + alice + "\"],\"version\":\"%s\"}";
      assertThat(messages(s.api.post(JOURNEY + "/simulate", alone.formatted("1")).body(), alice))
          .last()
          .isEqualTo("thanks email sim-thanks 2026-11-23T11:50:00Z");
      assertThat(
              messages(s.api.post(JOURNEY + "/simulate", alone.formatted("draft")).body(), alice))
          .last()
          .isEqualTo("thanks email sim-reminder 2026-11-23T11:50:00Z");
    }
  }

  @Test
  void theDailyCapHoldsAsInARealRun() throws Exception {
    try (JourneyScenario s = new JourneyScenario(MONDAY_10AM_UTC)) {
      assertThat(s.api.put("/v1/templates/sim-offer", template("Offer")).status()).isEqualTo(200);
      String erin =
          s.person("erin", "{\"firstName\":\"Erin\",\"email\":\"erin@example.com\"}", "email");
      s.send("{\"type\":\"track\",\"userId\":\"erin\",\"event\":\"Brochure Requested\"}");
      StringBuilder steps = new StringBuilder();
      for (int i = 1; i <= 4; i++) {
        steps
            .append(i == 1 ? "" : ",")
            .append("{\"id\":\"s")
            .append(i)
            .append("\",\"type\":\"send\",\"channels\":[\"email\"],\"template\":\"sim-offer\",")
            .append("\"window\":\"any\"")
            .append(i < 4 ? ",\"next\":\"s" + (i + 1) + "\"}" : "}");
      }
      String draft =
          "{\"id\":\"sim-caps\",\"name\":\"Four in a row\",\"entry\":{\"event\":\"Brochure Requested\"},"
              + "\"steps\":["
              + steps
              + "]}";
      assertThat(s.api.put("/v1/journeys/sim-caps", draft).status()).isEqualTo(200);

      JsonNode r =
          s.api.post("/v1/journeys/sim-caps/simulate", "{\"people\":[\"" + erin + "\"]}").body();

      assertThat(counts(r.path("stats").path("steps")))
          .as("the email cap is 3 a day: %s", r)
          .isEqualTo(
              Map.of(
                  "step:s1:sent",
                  1L,
                  "step:s2:sent",
                  1L,
                  "step:s3:sent",
                  1L,
                  "step:s4:capped",
                  1L));
      assertThat(s.runtime.outbox().messages()).isEmpty();
    }
  }

  @Test
  void badInputIsA400NamingTheFieldAndAnUnknownJourneyA404() throws Exception {
    try (JourneyScenario s = new JourneyScenario(MONDAY_10AM_UTC)) {
      assertThat(s.api.put("/v1/templates/sim-offer", template("Offer")).status()).isEqualTo(200);
      assertThat(
              s.api
                  .put(
                      JOURNEY,
                      DRAFT.replace("sim-thanks", "sim-offer").replace("sim-reminder", "sim-offer"))
                  .status())
          .isEqualTo(200);
      assertThat(field(s.api.post(JOURNEY + "/simulate", "{\"limit\":0}"))).isEqualTo("/limit");
      assertThat(field(s.api.post(JOURNEY + "/simulate", "{\"limit\":5001}"))).isEqualTo("/limit");
      assertThat(field(s.api.post(JOURNEY + "/simulate", "{\"people\":[\"a\"],\"segment\":\"x\"}")))
          .isEqualTo("/people");
      assertThat(field(s.api.post(JOURNEY + "/simulate", "{\"segment\":\"no-such-segment\"}")))
          .isEqualTo("/segment");
      assertThat(field(s.api.post(JOURNEY + "/simulate", "{\"people\":[\"nobody\"]}")))
          .isEqualTo("/people/0");
      assertThat(field(s.api.post(JOURNEY + "/simulate", "{\"until\":\"tomorrow\"}")))
          .isEqualTo("/until");
      assertThat(s.api.post(JOURNEY + "/simulate", "{\"version\":\"7\"}").status())
          .as("a version never published")
          .isEqualTo(404);
      assertThat(field(s.api.post(JOURNEY + "/simulate", "{\"sample\":1}"))).isEqualTo("/sample");
      assertThat(field(s.api.post(JOURNEY + "/simulate", "")))
          .as("a body is required")
          .isEqualTo("/");
      assertThat(s.api.post("/v1/journeys/no-such-journey/simulate", "{}").status()).isEqualTo(404);
    }
  }

  private static String field(LocalApi.Answer answer) {
    assertThat(answer.status()).as(answer.body().toString()).isBetween(400, 404);
    return answer.body().path("errors").path(0).path("field").asText(null);
  }

  static Map<String, Long> counts(JsonNode object) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    object.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
    return counts;
  }

  private static List<String> messages(JsonNode report, String profileId) {
    List<String> lines = new ArrayList<>();
    for (JsonNode person : report.path("people")) {
      if (person.path("profileId").asText().equals(profileId)) {
        person
            .path("messages")
            .forEach(
                m ->
                    lines.add(
                        m.path("stepId").asText()
                            + " "
                            + m.path("channel").asText()
                            + " "
                            + m.path("template").asText()
                            + " "
                            + m.path("at").asText()));
      }
    }
    return lines;
  }

  /** Every item in the table (DynamoDB Local, a count scan: a test's check, never a code path). */
  private static int items(JourneyScenario s) {
    String table = s.runtime.services().config().table();
    return s.runtime.dynamo().scan(r -> r.tableName(table).select(Select.COUNT)).count();
  }
}
