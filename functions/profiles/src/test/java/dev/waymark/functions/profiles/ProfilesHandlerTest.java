package dev.waymark.functions.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.config.WaymarkConfig;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.json.Json;
import dev.waymark.core.profile.ConsentChannel;
import dev.waymark.core.secret.KeyRing;
import dev.waymark.core.secret.SigningKeys;
import dev.waymark.ddblocal.SharedDynamoDbLocal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Each profile route through the handler, on data stitched into DynamoDB Local. */
class ProfilesHandlerTest {
  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  static final DynamoDbClient dynamo = SharedDynamoDbLocal.client();
  WaymarkServices services;
  ProfilesHandler handler;
  final List<String> stopped = new java.util.ArrayList<>();

  record Answer(int status, JsonNode body, String contentType) {}

  @BeforeEach
  void freshTable() {
    String table = SharedDynamoDbLocal.newWaymarkTable();
    services =
        new WaymarkServices(dynamo, WaymarkConfig.local(table), Clock.fixed(NOW, ZoneOffset.UTC));
    handler =
        new ProfilesHandler(
            services, KeyRing.fixed(SigningKeys.random()), stopped::add, Telemetry.quiet());
  }

  String process(String json) {
    return services.profiles().process(new InboundEvent(Json.parseObject(json), NOW)).profileId();
  }

  /** Sarah browsed anonymously (two page views), then identified: two profiles merged into one. */
  record Sarah(String id, String anonymousId) {}

  Sarah sarah() {
    String anonymous =
        process(
            "{\"type\":\"page\",\"messageId\":\"p1\",\"anonymousId\":\"laptop\",\"timestamp\":\"2026-11-20T10:00:00Z\"}");
    process(
        "{\"type\":\"page\",\"messageId\":\"p2\",\"anonymousId\":\"laptop\",\"timestamp\":\"2026-11-21T10:00:00Z\"}");
    String known =
        process(
            """
        {"type":"identify","messageId":"i1","userId":"sarah","traits":{"email":"Sarah@Example.com","plan":"gold"},
         "timestamp":"2026-11-22T10:00:00Z"}""");
    process(
        "{\"type\":\"identify\",\"messageId\":\"i2\",\"userId\":\"sarah\",\"anonymousId\":\"laptop\",\"timestamp\":\"2026-11-23T10:00:00Z\"}");
    return new Sarah(known, anonymous);
  }

  Answer call(
      String routeKey, Map<String, String> pathParameters, Map<String, String> query, String body) {
    APIGatewayV2HTTPEvent event =
        APIGatewayV2HTTPEvent.builder()
            .withVersion("2.0")
            .withRouteKey(routeKey)
            .withPathParameters(pathParameters)
            .withQueryStringParameters(query)
            .withHeaders(body == null ? Map.of() : Map.of("content-type", "application/json"))
            .withBody(body)
            .build();
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
    return new Answer(
        response.getStatusCode(),
        Json.parse(response.getBody()),
        response.getHeaders().get("Content-Type"));
  }

  Answer get(String routeKey, String id, Map<String, String> query) {
    return call(routeKey, id == null ? null : Map.of("id", id), query, null);
  }

  @Test
  void anUnknownRouteIsA404Problem() {
    Answer answer = call("PATCH /v1/profiles/{id}", Map.of("id", "x"), null, null);
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(answer.body().path("title").asText()).isEqualTo("Not found");
    assertThat(call(null, null, null, null).status()).isEqualTo(404);
  }

  @Test
  void lookupFindsTheLiveProfileByAnyIdentity() {
    Sarah sarah = sarah();
    Answer byEmail = get("GET /v1/profiles", null, Map.of("email", " SARAH@example.com"));
    assertThat(byEmail.status()).isEqualTo(200);
    assertThat(byEmail.body().path("profileId").asText()).isEqualTo(sarah.id());
    assertThat(byEmail.body().path("traits").path("plan").asText()).isEqualTo("gold");
    assertThat(
            get("GET /v1/profiles", null, Map.of("anonymousId", "laptop"))
                .body()
                .path("profileId")
                .asText())
        .isEqualTo(sarah.id());

    assertThat(get("GET /v1/profiles", null, Map.of("email", "nobody@example.com")).status())
        .isEqualTo(404);
    Answer twoGiven = get("GET /v1/profiles", null, Map.of("email", "a@b.c", "userId", "sarah"));
    assertThat(twoGiven.status()).isEqualTo(400);
    assertThat(twoGiven.body().path("errors").get(0).path("field").asText()).isEqualTo("query");
  }

  @Test
  void getFollowsAMergeRedirect() {
    Sarah sarah = sarah();
    Answer direct = get("GET /v1/profiles/{id}", sarah.id(), null);
    assertThat(direct.status()).isEqualTo(200);
    assertThat(direct.body().path("mergedFrom"))
        .isEqualTo(Json.parse("[\"" + sarah.anonymousId() + "\"]"));
    assertThat(direct.body().has("redirectedFrom")).isFalse();

    Answer redirected = get("GET /v1/profiles/{id}", sarah.anonymousId(), null);
    assertThat(redirected.status()).isEqualTo(200);
    assertThat(redirected.body().path("profileId").asText()).isEqualTo(sarah.id());
    assertThat(redirected.body().path("redirectedFrom").asText()).isEqualTo(sarah.anonymousId());

    assertThat(get("GET /v1/profiles/{id}", "no-such-profile", null).status()).isEqualTo(404);
  }

  @Test
  void eventsArePagedNewestFirst() {
    Sarah sarah = sarah();
    List<String> seen = new ArrayList<>();
    Map<String, String> query = new HashMap<>(Map.of("limit", "3"));
    Answer page = get("GET /v1/profiles/{id}/events", sarah.anonymousId(), query);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body().path("profileId").asText()).isEqualTo(sarah.id());
    page.body().path("events").forEach(e -> seen.add(e.path("messageId").asText()));
    assertThat(page.body().path("nextCursor").isTextual()).isTrue();

    query.put("cursor", page.body().path("nextCursor").asText());
    Answer last = get("GET /v1/profiles/{id}/events", sarah.id(), query);
    last.body().path("events").forEach(e -> seen.add(e.path("messageId").asText()));
    assertThat(last.body().path("nextCursor").isNull()).isTrue();

    assertThat(seen).containsExactly("i2", "i1", "p2", "p1");
  }

  @Test
  void withoutALimitAPageHoldsTwentyEventsAsDocumented() {
    Sarah sarah = sarah();
    for (int i = 0; i < 21; i++) {
      process(
          "{\"type\":\"track\",\"event\":\"Page Seen\",\"messageId\":\"t"
              + i
              + "\",\"userId\":\"sarah\",\"timestamp\":\"2026-11-24T10:00:"
              + String.format("%02d", i)
              + "Z\"}");
    }
    Answer page = get("GET /v1/profiles/{id}/events", sarah.id(), null);
    assertThat(page.body().path("events")).hasSize(20);
    assertThat(page.body().path("nextCursor").isTextual()).isTrue();
  }

  @Test
  void badPagingParametersAreNamed() {
    Sarah sarah = sarah();
    for (String limit : List.of("0", "101", "ten")) {
      Answer answer = get("GET /v1/profiles/{id}/events", sarah.id(), Map.of("limit", limit));
      assertThat(answer.status()).as("limit %s", limit).isEqualTo(400);
      assertThat(answer.body().path("errors").get(0).path("field").asText()).isEqualTo("limit");
    }
    Answer badCursor =
        get("GET /v1/profiles/{id}/events", sarah.id(), Map.of("cursor", "bm90LWEtY3Vyc29y"));
    assertThat(badCursor.status()).isEqualTo(400);
    assertThat(badCursor.body().path("errors").get(0).path("field").asText()).isEqualTo("cursor");
  }

  @Test
  void consentsAreRecordedOnTheLiveProfile() {
    Sarah sarah = sarah();
    Answer answer =
        call(
            "PUT /v1/profiles/{id}/consents",
            Map.of("id", sarah.anonymousId()),
            null,
            """
        {"consents":[{"channel":"email","status":"granted","source":"form"},
                     {"channel":"email","topic":"offers","status":"denied","source":"link","at":"2026-11-23T00:00:00Z"}]}""");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("redirectedFrom").asText()).isEqualTo(sarah.anonymousId());
    assertThat(answer.body().path("consents"))
        .isEqualTo(
            Json.parse(
                """
        {"email":{"status":"granted","source":"form","updatedAt":"2026-11-24T10:00:00Z",
                  "topics":{"offers":{"status":"denied","source":"link","updatedAt":"2026-11-23T00:00:00Z"}}}}"""));
    assertThat(
            services
                .profiles()
                .resolve(sarah.id())
                .orElseThrow()
                .consents()
                .allows(ConsentChannel.EMAIL, null))
        .isTrue();
  }

  @Test
  void invalidConsentsChangeNothing() {
    Sarah sarah = sarah();
    Answer answer =
        call(
            "PUT /v1/profiles/{id}/consents",
            Map.of("id", sarah.id()),
            null,
            """
        {"consents":[{"channel":"email","status":"granted","source":"form"},{"channel":"fax","status":"granted","source":"x"}]}""");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().path("errors").get(0).path("field").asText())
        .isEqualTo("/consents/1/channel");
    assertThat(services.profiles().resolve(sarah.id()).orElseThrow().consents().decisions())
        .isEmpty();

    assertThat(
            call("PUT /v1/profiles/{id}/consents", Map.of("id", sarah.id()), null, "{not json")
                .status())
        .isEqualTo(400);
  }

  @Test
  void eraseDeletesThePersonAndReportsCounts() {
    Sarah sarah = sarah();
    process("{\"type\":\"page\",\"messageId\":\"other\",\"anonymousId\":\"someone-else\"}");

    Answer erased = call("DELETE /v1/profiles/{id}", Map.of("id", sarah.id()), null, null);

    assertThat(erased.status()).isEqualTo(200);
    assertThat(erased.body().path("counts").path("events").asInt()).isEqualTo(4);
    assertThat(erased.body().path("counts").path("profiles").asInt()).isEqualTo(2);
    assertThat(erased.body().path("counts").path("identities").asInt()).isEqualTo(3);
    assertThat(get("GET /v1/profiles/{id}", sarah.id(), null).status()).isEqualTo(404);
    assertThat(get("GET /v1/profiles", null, Map.of("userId", "sarah")).status()).isEqualTo(404);
    assertThat(get("GET /v1/profiles", null, Map.of("anonymousId", "someone-else")).status())
        .isEqualTo(200);
  }
}
