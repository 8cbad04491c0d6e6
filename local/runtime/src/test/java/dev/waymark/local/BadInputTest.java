package dev.waymark.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad input gets the right 4xx with a problem naming the field, and leaves no trace. */
class BadInputTest extends LocalRuntimeFixture {
  int itemsBefore;

  @BeforeEach
  void countItems() {
    runtime.awaitProcessed();
    itemsBefore = itemCount();
  }

  @AfterEach
  void nothingWasWritten() {
    runtime.awaitProcessed();
    assertThat(itemCount()).as("items in the table").isEqualTo(itemsBefore);
  }

  static int itemCount() {
    return runtime.dynamo().scan(r -> r.tableName(LocalRuntime.TABLE).select("COUNT")).count();
  }

  static Stream<Arguments> badBatches() {
    String tooMany =
        "{\"batch\":["
            + String.join(
                ",",
                java.util.Collections.nCopies(
                    101, "{\"type\":\"page\",\"messageId\":\"x\",\"userId\":\"u\"}"))
            + "]}";
    return Stream.of(
        Arguments.of("malformed JSON", "{\"batch\":[{\"type\":", 400, ""),
        Arguments.of("not an object", "[1,2]", 400, ""),
        Arguments.of("empty body", "", 400, ""),
        Arguments.of("missing batch", "{\"events\":[]}", 400, "/batch"),
        Arguments.of("wrong type of batch", "{\"batch\":{}}", 400, "/batch"),
        Arguments.of(
            "unknown event type",
            "{\"batch\":[{\"type\":\"signup\",\"messageId\":\"m\",\"userId\":\"u\"}]}",
            400,
            "/batch/0/type"),
        Arguments.of(
            "missing messageId",
            "{\"batch\":[{\"type\":\"page\",\"userId\":\"u\"}]}",
            400,
            "/batch/0/messageId"),
        Arguments.of(
            "no identity at all",
            "{\"batch\":[{\"type\":\"page\",\"messageId\":\"m\"}]}",
            400,
            "/batch/0/userId"),
        Arguments.of(
            "empty userId",
            "{\"batch\":[{\"type\":\"page\",\"messageId\":\"m\",\"userId\":\"\"}]}",
            400,
            "/batch/0/userId"),
        Arguments.of(
            "numeric userId",
            "{\"batch\":[{\"type\":\"page\",\"messageId\":\"m\",\"userId\":42}]}",
            400,
            "/batch/0/userId"),
        Arguments.of(
            "properties not an object",
            "{\"batch\":[{\"type\":\"track\",\"event\":\"E\",\"messageId\":\"m\",\"userId\":\"u\",\"properties\":\"x\"}]}",
            400,
            "/batch/0/properties"),
        Arguments.of(
            "track without event",
            "{\"batch\":[{\"type\":\"track\",\"messageId\":\"m\",\"userId\":\"u\"}]}",
            400,
            "/batch/0/event"),
        Arguments.of(
            "alias without previousId",
            "{\"batch\":[{\"type\":\"alias\",\"messageId\":\"m\",\"userId\":\"u\"}]}",
            400,
            "/batch/0/previousId"),
        Arguments.of(
            "timestamp not a date",
            "{\"batch\":[{\"type\":\"page\",\"messageId\":\"m\",\"userId\":\"u\",\"timestamp\":\"soon\"}]}",
            400,
            "/batch/0/timestamp"),
        Arguments.of(
            "timestamp without offset",
            "{\"batch\":[{\"type\":\"page\",\"messageId\":\"m\",\"userId\":\"u\",\"timestamp\":\"2026-11-24T10:00:00\"}]}",
            400,
            "/batch/0/timestamp"),
        Arguments.of(
            "timestamp far in the future",
            "{\"batch\":[{\"type\":\"page\",\"messageId\":\"m\",\"userId\":\"u\",\"timestamp\":\"2099-01-01T00:00:00Z\"}]}",
            400,
            "/batch/0/timestamp"),
        Arguments.of(
            "unknown identity namespace",
            "{\"batch\":[{\"type\":\"page\",\"messageId\":\"m\",\"identities\":{\"passport\":\"X1\"}}]}",
            400,
            "/batch/0/identities"),
        Arguments.of(
            "one bad event among good ones",
            "{\"batch\":[{\"type\":\"page\",\"messageId\":\"good-1\",\"userId\":\"u\"},{\"type\":\"page\",\"messageId\":\"bad\",\"userId\":\"u\",\"timestamp\":\"nope\"}]}",
            400,
            "/batch/1/timestamp"),
        Arguments.of("too many events", tooMany, 400, "/batch"),
        Arguments.of(
            "batch too large",
            "{\"batch\":[{\"type\":\"page\",\"messageId\":\"m\",\"userId\":\"u\",\"properties\":{\"x\":\""
                + "y".repeat(600_000)
                + "\"}}]}",
            413,
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBatches")
  void badBatchesAreRefusedWhole(String name, String body, int status, String field) {
    LocalApi.Answer answer = api.sendEvents(body);
    assertThat(answer.status()).isEqualTo(status);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(answer.body().path("status").asInt()).isEqualTo(status);
    if (field != null) {
      assertThat(answer.body().path("errors"))
          .extracting(e -> e.path("field").asText())
          .anyMatch(f -> f.startsWith(field));
    }
  }

  @ParameterizedTest(name = "/v1/batch: {0}")
  @MethodSource("badBatches")
  void badBatchesAreRefusedWholeOnSegmentsBatchRouteToo(
      String name, String body, int status, String field) {
    LocalApi.Answer answer = post("/v1/batch", body, "application/json");
    assertThat(answer.status()).isEqualTo(status);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    if (field != null) {
      assertThat(answer.body().path("errors"))
          .extracting(e -> e.path("field").asText())
          .anyMatch(f -> f.startsWith(field));
    }
  }

  static Stream<Arguments> badSingleCalls() {
    return Stream.of(
        Arguments.of("/v1/track", "{\"messageId\":\"m\",\"userId\":\"u\"}", "/event"),
        Arguments.of("/v1/t", "{\"messageId\":\"m\",\"userId\":\"u\"}", "/event"),
        Arguments.of("/v1/identify", "{\"messageId\":\"m\",\"userId\":null}", "/userId"),
        Arguments.of("/v1/page", "{\"userId\":\"u\"}", "/messageId"),
        Arguments.of(
            "/v1/screen",
            "{\"messageId\":\"m\",\"userId\":\"u\",\"timestamp\":\"soon\"}",
            "/timestamp"),
        Arguments.of(
            "/v1/page",
            "{\"messageId\":\"m\",\"userId\":\"u\",\"originalTimestamp\":\"soon\"}",
            "/originalTimestamp"),
        Arguments.of("/v1/group", "{\"messageId\":\"m\",\"userId\":\"u\"}", "/groupId"),
        Arguments.of(
            "/v1/alias",
            "{\"messageId\":\"m\",\"userId\":\"u\",\"previousId\":null}",
            "/previousId"),
        Arguments.of(
            "/v1/identify",
            "{\"type\":\"track\",\"event\":\"E\",\"messageId\":\"m\",\"userId\":\"u\"}",
            "/type"),
        Arguments.of("/v1/track", "[1]", ""),
        Arguments.of("/v1/track", "{\"type\":", ""));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("badSingleCalls")
  void badSingleCallsNameTheFieldAsSent(String route, String body, String field) {
    LocalApi.Answer answer = post(route, body, "application/json");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(answer.body().path("errors"))
        .extracting(e -> e.path("field").asText())
        .contains(field);
  }

  @Test
  void aBodyThatIsNotTheGzipItClaimsIsNamed() {
    LocalApi.Answer answer =
        post("/v1/batch", "{\"batch\":[]}", "application/json", "Content-Encoding", "gzip");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().path("errors").get(0).path("field").asText())
        .isEqualTo("Content-Encoding");
  }

  @Test
  void aWriteKeyInTheBodyMustBeThereAndValid() {
    String call = "{\"type\":\"page\",\"messageId\":\"m\",\"userId\":\"u\"";
    LocalApi.Answer none =
        api.send(
            HttpRequest.newBuilder(api.base().resolve("/v1/p"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(call + "}")));
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.body().path("errors").get(0).path("field").asText()).isEqualTo("/writeKey");
    LocalApi.Answer wrong =
        api.send(
            HttpRequest.newBuilder(api.base().resolve("/v1/p"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(call + ",\"writeKey\":\"wk_nope\"}")));
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(wrong.body().path("errors").get(0).path("field").asText()).isEqualTo("/writeKey");
  }

  private static LocalApi.Answer post(
      String route, String body, String contentType, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(api.base().resolve(route))
            .header("Authorization", "Bearer " + runtime.writeKey())
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    return api.send(headers.length == 0 ? request : request.headers(headers));
  }

  @Test
  void wrongContentTypeIs415() {
    LocalApi.Answer answer =
        api.send(
            HttpRequest.newBuilder(api.base().resolve("/v1/events"))
                .header("Authorization", "Bearer " + runtime.writeKey())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("batch=1")));
    assertThat(answer.status()).isEqualTo(415);
    assertThat(answer.body().path("errors").get(0).path("field").asText())
        .isEqualTo("Content-Type");
  }

  @Test
  void missingWriteKeyIs401AndWrongOneIs403() {
    String body = "{\"batch\":[{\"type\":\"page\",\"messageId\":\"m\",\"userId\":\"u\"}]}";
    LocalApi.Answer missing =
        api.send(
            HttpRequest.newBuilder(api.base().resolve("/v1/events"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(missing.status()).isEqualTo(401);
    LocalApi.Answer wrong =
        api.send(
            HttpRequest.newBuilder(api.base().resolve("/v1/events"))
                .header("Authorization", "Bearer wk_not-a-key")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(wrong.status()).isEqualTo(403);
  }

  @Test
  void segmentStyleBasicAuthWithTheKeyAsUserNameIsAccepted() {
    runtime.awaitProcessed();
    String basic = Base64.getEncoder().encodeToString((runtime.writeKey() + ":").getBytes());
    LocalApi.Answer answer =
        api.send(
            HttpRequest.newBuilder(api.base().resolve("/v1/events"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"batch\":[{\"type\":\"page\",\"messageId\":\"basic-1\",\"userId\":\"basic\"}]}")));
    assertThat(answer.status()).isEqualTo(202);
    runtime.awaitProcessed();
    itemsBefore = itemCount();
  }

  static Stream<Arguments> badProfileRequests() {
    return Stream.of(
        Arguments.of("GET", "/v1/profiles/no-such-profile", null, 404, null),
        Arguments.of("GET", "/v1/profiles", null, 400, "query"),
        Arguments.of("GET", "/v1/profiles?email=a@b.c&phone=%2B4712345678", null, 400, "query"),
        Arguments.of("GET", "/v1/profiles?email=", null, 400, "email"),
        Arguments.of("GET", "/v1/profiles?email=nobody@example.com", null, 404, null),
        Arguments.of("GET", "/v1/profiles/no-such-profile/events", null, 404, null),
        Arguments.of(
            "PUT",
            "/v1/profiles/no-such-profile/consents",
            "{\"consents\":[{\"channel\":\"email\",\"status\":\"granted\",\"source\":\"x\"}]}",
            404,
            null),
        Arguments.of("DELETE", "/v1/profiles/no-such-profile", null, 404, null),
        Arguments.of("GET", "/v1/unknown", null, 404, null));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("badProfileRequests")
  void badProfileRequestsAreRefused(
      String method, String path, String body, int status, String field) {
    LocalApi.Answer answer =
        api.send(
            HttpRequest.newBuilder(api.base().resolve(path))
                .header("Content-Type", "application/json")
                .method(
                    method,
                    body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)));
    assertThat(answer.status()).isEqualTo(status);
    if (field != null) {
      assertThat(answer.body().path("errors").get(0).path("field").asText()).isEqualTo(field);
    }
  }

  @Test
  void badPagingAndConsentsAreNamed() {
    api.sendEvents(
        "{\"batch\":[{\"type\":\"identify\",\"messageId\":\"known-1\",\"userId\":\"known\"}]}");
    runtime.awaitProcessed();
    itemsBefore = itemCount();
    String id = api.get("/v1/profiles?userId=known").body().path("profileId").asText();
    assertThat(fieldOf(api.get("/v1/profiles/" + id + "/events?limit=0"))).isEqualTo("limit");
    assertThat(fieldOf(api.get("/v1/profiles/" + id + "/events?limit=abc"))).isEqualTo("limit");
    assertThat(fieldOf(api.get("/v1/profiles/" + id + "/events?cursor=garbage")))
        .isEqualTo("cursor");
    assertThat(fieldOf(api.put("/v1/profiles/" + id + "/consents", "{\"consents\":[]}")))
        .isEqualTo("/consents");
    assertThat(
            fieldOf(
                api.put(
                    "/v1/profiles/" + id + "/consents",
                    "{\"consents\":[{\"channel\":\"fax\",\"status\":\"granted\",\"source\":\"x\"}]}")))
        .isEqualTo("/consents/0/channel");
    assertThat(
            fieldOf(
                api.put(
                    "/v1/profiles/" + id + "/consents",
                    "{\"consents\":[{\"channel\":\"sms\",\"status\":\"maybe\",\"source\":\"x\"}]}")))
        .isEqualTo("/consents/0/status");
    assertThat(
            fieldOf(
                api.put(
                    "/v1/profiles/" + id + "/consents",
                    "{\"consents\":[{\"channel\":\"sms\",\"status\":\"granted\"}]}")))
        .isEqualTo("/consents/0/source");
    assertThat(fieldOf(api.put("/v1/profiles/" + id + "/consents", "{not json"))).isEqualTo("/");
    assertThat(api.get("/v1/profiles/" + id).body().path("consents").isEmpty()).isTrue();
  }

  private static String fieldOf(LocalApi.Answer answer) {
    assertThat(answer.status()).isEqualTo(400);
    return answer.body().path("errors").get(0).path("field").asText();
  }
}
