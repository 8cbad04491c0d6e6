package dev.waymark.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.profile.TraitLimits;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The limits of docs/api.md#limits over the real HTTP server and DynamoDB Local: every case of
 * {@code hostile/limits.yaml} is a 4xx problem naming its field and writes nothing; one person's
 * traits cannot grow past the per-profile limit, yet every event of theirs is still processed.
 */
class LimitsTest extends LocalRuntimeFixture {

  static Stream<Arguments> hostileCases() throws Exception {
    try (InputStream in = LimitsTest.class.getResourceAsStream("/hostile/limits.yaml")) {
      List<Map<String, Object>> cases = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      return cases.stream().map(c -> Arguments.of(c.get("name"), c));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileCases")
  void aHostileInputIsAProblemNamingItsFieldAndWritesNothing(String name, Map<String, Object> c) {
    String profileId = person("limits-owner");
    runtime.awaitProcessed();
    int before = BadInputTest.itemCount();

    String[] route = ((String) c.get("route")).split(" ", 2); // "PUT /v1/profiles/{id}/consents"
    String path =
        c.get("path") != null
            ? (String) c.get("path")
            : route[1].replaceAll("\\{[^}]+}", String.valueOf(c.get("pathValue")));
    String query = c.get("query") == null ? "" : "?" + c.get("query");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
            URI.create(
                api.base().toString().replaceAll("/$", "") + expand(path + query, profileId)));
    if (route[1].startsWith("/v1/events") || isSingleCall(route[1])) {
      request.header("Authorization", "Bearer " + runtime.writeKey());
    }
    String body = (String) c.get("body");
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        route[0],
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(expand(body, profileId)));
    LocalApi.Answer answer = api.send(request);

    assertThat(answer.status()).as(name).isEqualTo(c.get("expectStatus"));
    assertThat(answer.contentType()).startsWith("application/problem+json");
    List<String> fields = new ArrayList<>();
    answer.body().path("errors").forEach(e -> fields.add(e.path("field").asText()));
    if (c.get("expectField") != null) {
      assertThat(fields).as(answer.body().toString()).contains((String) c.get("expectField"));
    }
    runtime.awaitProcessed();
    assertThat(BadInputTest.itemCount()).as("items in the table").isEqualTo(before);
  }

  /** The placeholders of the hostile files: {@code {{profileId}}} and {@code {{pad:N}}}. */
  static String expand(String text, String profileId) {
    Matcher pad = Pattern.compile("\\{\\{pad:(\\d+)}}").matcher(text);
    StringBuilder out = new StringBuilder();
    while (pad.find()) {
      pad.appendReplacement(out, "a".repeat(Integer.parseInt(pad.group(1))));
    }
    pad.appendTail(out);
    return out.toString().replace("{{profileId}}", profileId);
  }

  static boolean isSingleCall(String route) {
    return route.matches("/v1/(track|identify|page|screen|group|alias|[tipsga])");
  }

  @Test
  void traitsThatWouldOutgrowTheProfileAreRefusedVisiblyAndLaterEventsStillApply() {
    String id = person("grower");
    String chunk = "v".repeat(15_000);
    int sent = 0;
    List<String> refused = new ArrayList<>();
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
      refused = refusals(id);
    }
    assertThat(sent).isEqualTo(5);
    assertThat(refused)
        .singleElement()
        .satisfies(
            r ->
                assertThat(r)
                    .contains("traits not applied")
                    .contains(Integer.toString(TraitLimits.MAX_PROFILE_TRAITS_BYTES)));
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
    assertThat(refusals(id))
        .singleElement()
        .satisfies(r -> assertThat(r).contains("a merge left out").endsWith("a0, a1, a2"));
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

  static List<String> refusals(String profileId) {
    List<String> reasons = new ArrayList<>();
    api.get("/v1/profiles/" + profileId + "/events?limit=100")
        .body()
        .path("events")
        .forEach(
            e -> {
              if (e.has(TraitLimits.REFUSED_FIELD)) {
                reasons.add(e.path(TraitLimits.REFUSED_FIELD).asText());
              }
            });
    return reasons;
  }
}
