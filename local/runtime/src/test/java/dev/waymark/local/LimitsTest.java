package dev.waymark.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.profile.ProcessingNote;
import dev.waymark.core.profile.TraitLimits;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The limits of docs/api.md#limits over the real HTTP server and DynamoDB Local: one person's
 * traits cannot grow past the per-profile limit, yet every event of theirs is still processed and
 * the timeline notes ({@code waymarkNotes}) say what was not applied. The hostile inputs of {@code
 * hostile/limits.yaml} are walked by {@link HostileInputTest}, with every other hostile file.
 */
class LimitsTest extends LocalRuntimeFixture {

  @Test
  void traitsThatWouldOutgrowTheProfileAreRefusedVisiblyAndLaterEventsStillApply() {
    String id = person("grower");
    String chunk = "v".repeat(15_000);
    int sent = 0;
    List<JsonNode> refused = new ArrayList<>();
    while (refused.isEmpty() && sent < 10) { // 64 KB hold four 15 KB traits, not five
      send(
          "{\"type\":\"identify\",\"messageId\":\"grow-"
              + sent
              + "\",\"userId\":\"grower\","
              + "\"traits\":{\"blob"
              + sent
              + "\":\""
              + chunk
              + "\"}}");
      sent++;
      refused = notes(id);
    }
    assertThat(sent).isEqualTo(5);
    assertThat(refused)
        .singleElement()
        .satisfies(
            note -> {
              assertThat(note.path("code").asText()).isEqualTo(ProcessingNote.TRAIT_LIMIT);
              assertThat(note.path("detail").asText())
                  .contains("traits not applied")
                  .contains(Integer.toString(TraitLimits.MAX_PROFILE_TRAITS_BYTES));
            });
    JsonNode noted = eventOf(id, "grow-4");
    assertThat(noted.path("traits").path("blob4").asText())
        .as("the event is recorded as sent")
        .isEqualTo(chunk);
    JsonNode profile = api.get("/v1/profiles/" + id).body();
    assertThat(profile.path("traits").has("blob3")).isTrue();
    assertThat(profile.path("traits").has("blob4")).isFalse();

    // the person is not frozen: a small update and a removal still apply, and nothing is lost
    send(
        "{\"type\":\"identify\",\"messageId\":\"grow-small\",\"userId\":\"grower\","
            + "\"traits\":{\"blob0\":null,\"firstName\":\"Gro\"}}");
    send(
        "{\"type\":\"track\",\"messageId\":\"grow-track\",\"userId\":\"grower\","
            + "\"event\":\"Viewed\"}");
    profile = api.get("/v1/profiles/" + id).body();
    assertThat(profile.path("traits").path("firstName").asText()).isEqualTo("Gro");
    assertThat(profile.path("traits").has("blob0")).isFalse();
    assertThat(api.get("/v1/profiles/" + id + "/events?limit=100").body().path("events"))
        .hasSize(sent + 3); // the first identify, the five, the two after
    assertThat(runtime.deadLetterCount()).isZero();
  }

  @Test
  void aMergeNeverBuildsTraitsPastTheLimitAndTheEventNamesWhatWasLeftOut() {
    String chunk = "w".repeat(12_000);
    for (int i = 0; i < 4; i++) { // two people of 48 KB of traits each: together past 64 KB
      send(
          "{\"type\":\"identify\",\"messageId\":\"known-"
              + i
              + "\",\"userId\":\"known\","
              + "\"traits\":{\"k"
              + i
              + "\":\""
              + chunk
              + "\"}}");
      send(
          "{\"type\":\"identify\",\"messageId\":\"anon-"
              + i
              + "\",\"anonymousId\":\"anon\",\"timestamp\":\""
              + START.minusSeconds(60 - i)
              + "\",\"traits\":{\"a"
              + i
              + "\":\""
              + chunk
              + "\"}}");
    }
    send(
        "{\"type\":\"track\",\"messageId\":\"link\",\"userId\":\"known\","
            + "\"anonymousId\":\"anon\",\"event\":\"Signed In\"}");

    JsonNode profile = api.get("/v1/profiles?anonymousId=anon").body();
    String id = profile.path("profileId").asText();
    assertThat(api.get("/v1/profiles?userId=known").body().path("profileId").asText())
        .isEqualTo(id);
    JsonNode traits = profile.path("traits");
    assertThat(traits.has("k0") && traits.has("k3")).as("the survivor's own traits").isTrue();
    List<String> joined = new ArrayList<>();
    List<String> left = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      (traits.has("a" + i) ? joined : left).add("a" + i);
    }
    assertThat(joined).as("the newest of the merged-away traits that fit").containsExactly("a3");
    assertThat(notes(id))
        .singleElement()
        .satisfies(
            note -> {
              assertThat(note.path("code").asText()).isEqualTo(ProcessingNote.MERGE_TRAITS_DROPPED);
              assertThat(note.path("detail").asText())
                  .contains("a merge left out")
                  .endsWith("a0, a1, a2");
            });
    assertThat(eventOf(id, "link").path("waymarkNotes")).as("on the merging event").hasSize(1);
    assertThat(runtime.deadLetterCount()).isZero();
  }

  @Test
  void anAccountsTraitsStopGrowingAtTheLimitAndItsMembersKeepBeingProcessed() {
    String id = person("member");
    String chunk = "g".repeat(15_000);
    for (int i = 0; i < 6; i++) {
      send(
          "{\"type\":\"group\",\"messageId\":\"group-"
              + i
              + "\",\"userId\":\"member\","
              + "\"groupId\":\"acme\",\"traits\":{\"g"
              + i
              + "\":\""
              + chunk
              + "\"}}");
    }
    send(
        "{\"type\":\"group\",\"messageId\":\"group-small\",\"userId\":\"member\","
            + "\"groupId\":\"acme\",\"traits\":{\"g0\":null,\"plan\":\"pro\"}}");
    JsonNode account = api.get("/v1/profiles/" + id).body().path("accounts").get(0);
    assertThat(account.path("id").asText()).isEqualTo("acme");
    JsonNode traits = account.path("traits");
    assertThat(traits.has("g3")).isTrue();
    assertThat(traits.has("g4") || traits.has("g5")).as("past 64 KB").isFalse();
    assertThat(traits.has("g0")).as("a removal always applies").isFalse();
    assertThat(traits.path("plan").asText()).isEqualTo("pro");
    assertThat(runtime.deadLetterCount()).isZero();
  }

  @Test
  void consentsPastThePerProfileCapAreRefusedButAnUnsubscribeStillRecords() {
    String id = person("consenter");
    for (int round = 0; round < 4; round++) {
      StringBuilder body = new StringBuilder("{\"consents\":[");
      for (int i = 0; i < 50; i++) {
        body.append(i == 0 ? "" : ",")
            .append("{\"channel\":\"email\",\"topic\":\"t")
            .append(round * 50 + i)
            .append("\",\"status\":\"granted\",\"source\":\"test\"}");
      }
      assertThat(api.put("/v1/profiles/" + id + "/consents", body + "]}").status()).isEqualTo(200);
    }
    LocalApi.Answer past =
        api.put(
            "/v1/profiles/" + id + "/consents",
            "{\"consents\":[{\"channel\":\"sms\",\"topic\":\"one-more\",\"status\":\"granted\",\"source\":\"test\"}]}");
    assertThat(past.status()).isEqualTo(400);
    assertThat(past.body().path("errors").get(0).path("field").asText()).isEqualTo("/consents");
    LocalApi.Answer denial =
        api.put(
            "/v1/profiles/" + id + "/consents",
            "{\"consents\":[{\"channel\":\"sms\",\"topic\":\"one-more\",\"status\":\"denied\",\"source\":\"test\"}]}");
    assertThat(denial.status()).isEqualTo(200);
    assertThat(denial.body().path("consents").path("sms").path("topics").has("one-more")).isTrue();
  }

  /** A known person (identify by userId), processed; their profile id. */
  static String person(String userId) {
    send(
        "{\"type\":\"identify\",\"messageId\":\"person-"
            + userId
            + "\",\"userId\":\""
            + userId
            + "\",\"traits\":{\"email\":\""
            + userId
            + "@example.com\"}}");
    return api.get("/v1/profiles?userId=" + userId).body().path("profileId").asText();
  }

  static void send(String event) {
    LocalApi.Answer answer = api.sendEvents("{\"batch\":[" + event + "]}");
    assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(202);
    runtime.awaitProcessed();
  }

  /** Every note Waymark left on the profile's timeline events ({@code waymarkNotes}). */
  static List<JsonNode> notes(String profileId) {
    List<JsonNode> notes = new ArrayList<>();
    timeline(profileId).forEach(e -> e.path("waymarkNotes").forEach(notes::add));
    return notes;
  }

  /** The event with this messageId as the profile's timeline shows it. */
  static JsonNode eventOf(String profileId, String messageId) {
    for (JsonNode e : timeline(profileId)) {
      if (e.path("messageId").asText().equals(messageId)) {
        return e;
      }
    }
    throw new AssertionError("no event " + messageId + " on the timeline of " + profileId);
  }

  private static JsonNode timeline(String profileId) {
    return api.get("/v1/profiles/" + profileId + "/events?limit=100").body().path("events");
  }
}
