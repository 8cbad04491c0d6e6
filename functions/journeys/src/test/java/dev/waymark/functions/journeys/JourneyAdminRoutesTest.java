package dev.waymark.functions.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.journey.publish.ShippedJourneys;
import dev.waymark.core.json.Json;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The journey admin routes through the handler: the whole life of a journey, and bad input. */
class JourneyAdminRoutesTest {
  static final Map<String, String> TEST_DRIVE = Map.of("id", "test-drive");
  final JourneysApiFixture api;
  final ObjectNode testDrive =
      ShippedJourneys.documents(getClass().getClassLoader()).stream()
          .filter(d -> d.path("id").asText().equals("test-drive"))
          .findFirst()
          .orElseThrow();

  JourneyAdminRoutesTest() throws Exception {
    api = new JourneysApiFixture();
  }

  @AfterEach
  void close() {
    api.close();
  }

  JourneysApiFixture.Answer post(String action) {
    return api.call("POST /v1/journeys/{id}/" + action, TEST_DRIVE, Map.of());
  }

  JourneysApiFixture.Answer put(Map<String, String> path, String body) {
    return api.call("PUT /v1/journeys/{id}", path, Map.of(), body);
  }

  @Test
  void aJourneyIsDraftedPublishedTwicePausedResumedStoppedAndArchived() {
    JourneysApiFixture.Answer draft = put(TEST_DRIVE, Json.write(testDrive));
    assertThat(draft.status()).as(draft.body().toString()).isEqualTo(200);
    assertThat(draft.body().path("state").asText()).isEqualTo("draft");
    assertThat(draft.body().path("versions")).isEmpty();

    JourneysApiFixture.Answer first = post("publish");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body().path("version").path("version").asInt()).isEqualTo(1);
    assertThat(first.body().path("created").asBoolean()).isTrue();
    assertThat(first.body().path("webhookSecret").asText()).matches("[0-9a-f]{64}");
    JourneysApiFixture.Answer same = post("publish");
    assertThat(same.body().path("created").asBoolean()).isFalse();
    assertThat(same.body().has("webhookSecret")).isFalse();

    put(TEST_DRIVE, Json.write(testDrive.deepCopy().put("description", "Changed.")));
    JourneysApiFixture.Answer second = post("publish");
    assertThat(second.body().path("version").path("version").asInt()).isEqualTo(2);
    assertThat(second.body().path("asl").path("States").isObject()).isTrue();
    JourneysApiFixture.Answer v1 =
        api.call(
            "GET /v1/journeys/{id}/versions/{v}", Map.of("id", "test-drive", "v", "1"), Map.of());
    assertThat(v1.status()).isEqualTo(200);
    assertThat(v1.body().path("document")).isEqualTo(testDrive);
    assertThat(v1.body().path("asl").path("StartAt").isTextual()).isTrue();

    assertThat(post("pause").body().path("state").asText()).isEqualTo("paused");
    assertThat(post("resume").body().path("state").asText()).isEqualTo("live");
    JourneysApiFixture.Answer stopped = post("stop");
    assertThat(stopped.body().path("state").asText()).isEqualTo("stopped");
    assertThat(stopped.body().path("runsStopped").asInt()).isZero();
    JourneysApiFixture.Answer archived = api.call("DELETE /v1/journeys/{id}", TEST_DRIVE, Map.of());
    assertThat(archived.body().path("state").asText()).isEqualTo("archived");
    assertThat(api.call("GET /v1/journeys", Map.of(), Map.of()).body().path("journeys")).isEmpty();
    assertThat(
            api.call("GET /v1/journeys", Map.of(), Map.of("all", "true"))
                .body()
                .path("journeys")
                .findValuesAsText("state"))
        .containsExactly("archived");
    assertThat(api.call("GET /v1/journeys/{id}", TEST_DRIVE, Map.of()).body().toString())
        .doesNotContain(first.body().path("webhookSecret").asText());
  }

  @Test
  void badDraftsAre400sNamingTheField() {
    assertField(put(Map.of("id", "Test_Drive"), Json.write(testDrive)), 400, "id");
    assertField(put(Map.of("id", "car-loan"), Json.write(testDrive)), 400, "/id");
    assertField(put(TEST_DRIVE, "{\"id\": "), 400, "/");
    assertField(put(TEST_DRIVE, "[]"), 400, "/");
    assertField(put(TEST_DRIVE, Json.write(testDrive.deepCopy().put("bogus", 1))), 400, "/bogus");
    assertField(
        put(TEST_DRIVE, Json.write(testDrive.deepCopy().put("holdoutPercent", 101))),
        400,
        "/holdoutPercent");
    assertThat(api.call("GET /v1/journeys/{id}", TEST_DRIVE, Map.of()).status()).isEqualTo(404);
  }

  @Test
  void versionsEntriesAndStateConflictsAnswer4xx() {
    assertDetail(post("publish"), 404, "no journey test-drive");
    put(TEST_DRIVE, Json.write(testDrive));
    assertDetail(post("pause"), 409, "journey test-drive is draft, not live");
    assertDetail(post("resume"), 409, "journey test-drive is draft, not paused");
    assertDetail(post("stop"), 409, "journey test-drive is draft: it was never published");
    assertThat(post("entries").status()).isEqualTo(415);
    assertDetail(entries("{\"userId\":\"sarah\"}"), 409, "journey test-drive is not published");
    post("publish");
    assertDetail(post("resume"), 409, "journey test-drive is live, not paused");

    assertDetail(
        entries("{\"userId\":\"sarah\"}"),
        409,
        "journey test-drive is not entered over the API (its entry is not api: true)");
    assertField(entries("{\"userId\":\"sarah\",\"email\":\"s@example.com\"}"), 400, "/userId");
    assertField(entries("{\"email\":42}"), 400, "/email");
    assertField(entries("{\"userId\":\"sarah\",\"requestId\":\"a b\"}"), 400, "/requestId");
    assertField(entries("\"sarah\""), 400, "/");

    assertField(
        api.call(
            "GET /v1/journeys/{id}/versions/{v}", Map.of("id", "test-drive", "v", "one"), Map.of()),
        400,
        "v");
    assertDetail(
        api.call(
            "GET /v1/journeys/{id}/versions/{v}", Map.of("id", "test-drive", "v", "99"), Map.of()),
        404,
        "journey test-drive has no version 99");
    assertField(api.call("POST /v1/journeys/{id}/pause", Map.of("id", ""), Map.of()), 400, "id");
  }

  @Test
  void everyJourneyRouteRefusesABadIdNamingIt() {
    for (String route : JourneyAdminRoutes.ROUTES) {
      if (route.equals("GET /v1/journeys")) {
        continue;
      }
      JourneysApiFixture.Answer answer =
          api.call(route, Map.of("id", "Not An Id", "v", "1"), Map.of(), "{}");
      assertThat(answer.status()).as(route).isEqualTo(400);
      assertThat(answer.body().path("errors").findValuesAsText("field")).as(route).contains("id");
    }
  }

  private JourneysApiFixture.Answer entries(String body) {
    return api.call("POST /v1/journeys/{id}/entries", TEST_DRIVE, Map.of(), body);
  }

  private static void assertDetail(JourneysApiFixture.Answer answer, int status, String detail) {
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(answer.body().path("detail").asText()).isEqualTo(detail);
  }

  private static void assertField(JourneysApiFixture.Answer answer, int status, String field) {
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
    assertThat(answer.body().path("errors").findValuesAsText("field")).contains(field);
  }
}
