package dev.waymark.functions.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code POST /v1/journeys/{id}/publish} refuses a draft that names a segment or an audience
 * schedule that does not exist (or a schedule that enters another journey) with a 400 problem
 * naming each field; nothing is published. The segments and schedules are the shipped ones, which
 * the function packages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishReferencesOverHttpTest {
  static final String STEPS =
      """
      "steps":[{"id":"hello","type":"send","channels":["email"],"template":"t","window":"any"}]""";
  JourneysApiFixture api;

  @BeforeAll
  void aTemplate() throws Exception {
    api = new JourneysApiFixture();
    String template =
        """
        {"email":{"subject":"Hi","html":"<p>Hi</p>","text":"Hi"},"sample":{"profile":{}}}""";
    assertThat(call("PUT /v1/templates/{id}", "t", template).status()).isEqualTo(200);
  }

  @AfterAll
  void close() {
    api.close();
  }

  @Test
  void missingSegmentsAreA400NamingEachFieldAndNothingIsPublished() {
    String draft =
        """
        {"id":"refs","entry":{"segment":{"id":"no-such-segment","on":"entered"}},
         "audience":["payment-overdue","gone"],%s}"""
            .formatted(STEPS);
    assertThat(call("PUT /v1/journeys/{id}", "refs", draft).status()).isEqualTo(200);
    JourneysApiFixture.Answer refused = call("POST /v1/journeys/{id}/publish", "refs", null);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(fields(refused.body())).containsExactly("/entry/segment/id", "/audience/1");
    assertThat(refused.body().path("errors").get(0).path("message").asText())
        .startsWith("names no segment: no-such-segment");
    JsonNode journey = call("GET /v1/journeys/{id}", "refs", null).body();
    assertThat(journey.path("state").asText()).isEqualTo("draft");
    assertThat(journey.path("versions")).isEmpty();

    String fixed =
        """
        {"id":"refs","entry":{"segment":{"id":"abandoned-cart","on":"entered"}},
         "audience":["payment-overdue"],%s}"""
            .formatted(STEPS);
    assertThat(call("PUT /v1/journeys/{id}", "refs", fixed).status()).isEqualTo(200);
    assertThat(call("POST /v1/journeys/{id}/publish", "refs", null).status()).isEqualTo(200);
  }

  @Test
  void aScheduleThatDoesNotExistOrEntersAnotherJourneyIsA400() {
    for (String schedule : List.of("fortnightly", "payment-reminder-weekly")) {
      String draft =
          """
          {"id":"by-schedule","entry":{"schedule":"%s"},%s}"""
              .formatted(schedule, STEPS);
      assertThat(call("PUT /v1/journeys/{id}", "by-schedule", draft).status()).isEqualTo(200);
      JourneysApiFixture.Answer refused =
          call("POST /v1/journeys/{id}/publish", "by-schedule", null);
      assertThat(refused.status()).isEqualTo(400);
      assertThat(fields(refused.body())).containsExactly("/entry/schedule");
    }
    assertThat(
            call("POST /v1/journeys/{id}/publish", "by-schedule", null)
                .body()
                .path("errors")
                .get(0)
                .path("message")
                .asText())
        .contains("enters journey payment-overdue-weekly, not by-schedule");
  }

  private static List<String> fields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
    return fields;
  }

  private JourneysApiFixture.Answer call(String route, String id, String body) {
    return api.call(route, Map.of("id", id), Map.of(), body);
  }
}
