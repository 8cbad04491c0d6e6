package dev.waymark.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dead letters over the local runtime's HTTP API: an event whose processing keeps failing (an
 * injected DynamoDB fault on every transaction; the event changes a trait, so recording it is one)
 * is set aside after the retries, listed under {@code /v1/admin/dead-letters} with a plain reason,
 * and shown on its person's timeline as failed to process; once the fault is gone, a replay
 * processes it onto the timeline exactly once.
 */
class DeadLettersTest extends LocalRuntimeFixture {
  static final String FAILING_TRANSACTIONS =
      "{\"seed\":7,\"dynamodb\":{\"errorRate\":1.0,\"operations\":[\"TransactWriteItems\"]}}";

  @Test
  void aFailedEventIsListedShownFailedOnItsTimelineAndProcessedAfterReplay() {
    send("dl-first", "identify", "dl-ann");
    runtime.awaitProcessed();
    String profileId = api.get("/v1/profiles?userId=dl-ann").body().path("profileId").asText();
    assertThat(profileId).isNotEmpty();

    assertThat(api.put("/_local/faults", FAILING_TRANSACTIONS).status()).isEqualTo(200);
    send("dl-second", "track", "dl-ann");
    runtime.awaitProcessed();
    JsonNode faults = api.get("/_local/faults").body();
    api.delete("/_local/faults");

    assertThat(faults.path("injected").path("dynamodb").path("errors").asLong()).isPositive();
    JsonNode letter = letter("dl-second");
    assertThat(letter.path("status").asText()).isEqualTo("failed");
    assertThat(letter.path("reason").asText()).isEqualTo("the table refused the request (500)");
    assertThat(letter.path("attempts").asInt()).isEqualTo(6); // the first delivery and 5 retries
    assertThat(letter.path("profileId").asText()).isEqualTo(profileId);
    assertThat(letter.path("name").asText()).isEqualTo("Plan Viewed");
    assertThat(statusesOnTimeline(profileId, "dl-second"))
        .containsExactly("failed to process: the table refused the request (500)");
    assertThat(statusesOnTimeline(profileId, "dl-first")).containsExactly("processed");

    LocalApi.Answer replay = api.post("/v1/admin/dead-letters/dl-second/replay", "");
    assertThat(replay.status()).isEqualTo(202);
    assertThat(replay.body().path("status").asText()).isEqualTo("replaying");
    runtime.awaitProcessed();

    JsonNode after = api.get("/v1/admin/dead-letters/dl-second").body();
    assertThat(after.path("status").asText()).isEqualTo("processed");
    assertThat(after.path("replays").asInt()).isEqualTo(1);
    assertThat(after.path("resolvedAt").isTextual()).isTrue();
    assertThat(statusesOnTimeline(profileId, "dl-second")).containsExactly("processed");
    LocalApi.Answer again = api.post("/v1/admin/dead-letters/dl-second/replay", "");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().path("detail").asText()).contains("already processed");
  }

  @Test
  void unknownLettersAreNotFoundAndBadPagingNamesItsField() {
    LocalApi.Answer missing = api.get("/v1/admin/dead-letters/no-such-message");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.contentType()).startsWith("application/problem+json");
    assertThat(api.post("/v1/admin/dead-letters/no-such-message/replay", "").status())
        .isEqualTo(404);
    LocalApi.Answer tooLong = api.get("/v1/admin/dead-letters/" + "m".repeat(2000));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.body().toString()).contains("id");
    LocalApi.Answer control = api.post("/v1/admin/dead-letters/a%01b/replay", "");
    assertThat(control.status()).isEqualTo(400);
    LocalApi.Answer longCursor =
        api.get(
            "/v1/admin/dead-letters?cursor="
                + java.util.Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(("DL:" + "x".repeat(3000)).getBytes()));
    assertThat(longCursor.status()).isEqualTo(400);
    assertThat(longCursor.body().toString()).contains("cursor");
    LocalApi.Answer badLimit = api.get("/v1/admin/dead-letters?limit=0");
    assertThat(badLimit.status()).isEqualTo(400);
    assertThat(badLimit.body().toString()).contains("limit");
    LocalApi.Answer badCursor = api.get("/v1/admin/dead-letters?cursor=forged");
    assertThat(badCursor.status()).isEqualTo(400);
    assertThat(badCursor.body().toString()).contains("cursor");
  }

  @Test
  void aBadFaultPlanIsRefusedNamingTheField() {
    LocalApi.Answer tooHigh = api.put("/_local/faults", "{\"ses\":{\"throttleRate\":1.5}}");
    assertThat(tooHigh.status()).isEqualTo(400);
    assertThat(tooHigh.body().toString()).contains("/ses/throttleRate");
    LocalApi.Answer unknown = api.put("/_local/faults", "{\"kafka\":{}}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().toString()).contains("/kafka");
    LocalApi.Answer sum =
        api.put("/_local/faults", "{\"tasks\":{\"failureRate\":0.6,\"timeoutRate\":0.6}}");
    assertThat(sum.status()).isEqualTo(400);
    assertThat(sum.body().toString()).contains("/tasks");
    assertThat(api.get("/_local/faults").body().path("total").asLong()).isZero();
  }

  private static void send(String messageId, String type, String userId) {
    // the track carries context traits, so recording it writes the profile: a transaction
    String name =
        type.equals("track")
            ? ",\"event\":\"Plan Viewed\",\"context\":{\"traits\":{\"plan\":\"premium\"}}"
            : "";
    LocalApi.Answer answer =
        api.sendEvents(
            "{\"batch\":[{\"type\":\"%s\",\"messageId\":\"%s\",\"userId\":\"%s\"%s,\"timestamp\":\"2026-11-24T07:59:00Z\"}]}"
                .formatted(type, messageId, userId, name));
    assertThat(answer.status()).isEqualTo(202);
  }

  private static JsonNode letter(String messageId) {
    for (JsonNode letter : api.get("/v1/admin/dead-letters?limit=100").body().path("deadLetters")) {
      if (letter.path("messageId").asText().equals(messageId)) {
        return letter;
      }
    }
    throw new AssertionError(messageId + " is not listed");
  }

  private static List<String> statusesOnTimeline(String profileId, String messageId) {
    List<String> statuses = new ArrayList<>();
    for (JsonNode event :
        api.get("/v1/profiles/" + profileId + "/events?limit=100").body().path("events")) {
      if (event.path("messageId").asText().equals(messageId)) {
        statuses.add(event.path("status").asText());
      }
    }
    return statuses;
  }
}
