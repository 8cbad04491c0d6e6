package dev.waymark.functions.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.config.WaymarkConfig;
import dev.waymark.aws.journey.JourneyConfig;
import dev.waymark.aws.journey.JourneyServices;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.json.Json;
import dev.waymark.core.template.ShippedTemplates;
import dev.waymark.ddblocal.SharedDynamoDbLocal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The templates API through the journeys handler, on DynamoDB Local. */
class TemplateRoutesTest {
  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  static final DynamoDbClient dynamo = SharedDynamoDbLocal.client();
  static final String GOOD =
      """
      {"layout":"brand",
       "email":{"subject":"Hi {{ profile.firstName }}","html":"<p>{{ event.properties.model }}</p>"},
       "sms":{"body":"{{ profile.firstName }}: {{ event.properties.model | upcase }}"},
       "sample":{"profile":{"firstName":"Sarah"},"event":{"properties":{"model":"E-V"}}}}""";
  JourneysHandler handler;
  JourneyServices journeys;

  @BeforeEach
  void freshTable() {
    WaymarkServices core =
        new WaymarkServices(
            dynamo,
            WaymarkConfig.local(SharedDynamoDbLocal.newWaymarkTable()),
            Clock.fixed(NOW, ZoneOffset.UTC));
    journeys = new JourneyServices(core, JourneyConfig.from(Map.of()));
    handler = new JourneysHandler(journeys, Telemetry.quiet());
    ShippedTemplates.publishLayouts(
        TemplateRoutesTest.class.getClassLoader(), journeys.templates().layouts());
  }

  record Answer(int status, JsonNode body) {}

  Answer call(String routeKey, Map<String, String> path, String body) {
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(
            APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withPathParameters(path)
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(body)
                .build(),
            null);
    return new Answer(response.getStatusCode(), Json.parse(response.getBody()));
  }

  Answer put(String id, String document) {
    return call("PUT /v1/templates/{id}", Map.of("id", id), document);
  }

  /** {@code POST /v1/templates/offer/<action>}. */
  Answer offer(String action, String body) {
    return call("POST /v1/templates/{id}/" + action, Map.of("id", "offer"), body);
  }

  Answer testList(String body) {
    return call("PUT /v1/settings/test-recipients", Map.of(), body);
  }

  List<String> fields(Answer answer) {
    return answer.body().path("errors").findValuesAsText("field");
  }

  @Test
  void aChangedDocumentIsANewVersionAndTheSameDocumentKeepsItsVersion() {
    Answer first = put("offer", GOOD);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body().path("version").asInt()).isEqualTo(1);
    assertThat(first.body().path("created").asBoolean()).isTrue();

    Answer again = put("offer", Json.write(Json.parse(GOOD))); // same content, other spacing
    assertThat(again.body().path("version").asInt()).isEqualTo(1);
    assertThat(again.body().path("created").asBoolean()).isFalse();

    Answer second = put("offer", GOOD.replace("Hi {{", "Hello {{"));
    assertThat(second.body().path("version").asInt()).isEqualTo(2);

    Answer latest = call("GET /v1/templates/{id}", Map.of("id", "offer"), null);
    assertThat(latest.body().path("document").path("email").path("subject").asText())
        .isEqualTo("Hello {{ profile.firstName }}");
    assertThat(latest.body().path("versions").findValuesAsText("version"))
        .containsExactly("1", "2");
    Answer v1 = call("GET /v1/templates/{id}/versions/{v}", Map.of("id", "offer", "v", "1"), null);
    assertThat(v1.body().path("document").path("email").path("subject").asText())
        .isEqualTo("Hi {{ profile.firstName }}");
    assertThat(call("GET /v1/templates", Map.of(), null).body().findValuesAsText("id"))
        .containsExactly("offer");
  }

  @Test
  void theJourneyPublisherFindsTheLatestTemplatesAndPinsTheirVersions() {
    put("offer", GOOD);
    put("offer", GOOD.replace("Hi {{", "Hello {{"));
    assertThat(journeys.templates().lookup().find("offer").orElseThrow().parts())
        .containsEntry("subject", "Hello {{ profile.firstName }}");
    assertThat(journeys.templates().lookup().find("nope")).isEmpty();
    assertThat(journeys.templates().pin(List.of("offer", "nope"))).isEqualTo(Map.of("offer", "2"));
  }

  @Test
  void unknownTemplatesVersionsAndIdsAre4xxNamingTheField() {
    assertThat(call("GET /v1/templates/{id}", Map.of("id", "nope"), null).status()).isEqualTo(404);
    put("offer", GOOD);
    Answer notANumber =
        call("GET /v1/templates/{id}/versions/{v}", Map.of("id", "offer", "v", "x"), null);
    assertThat(notANumber.status()).isEqualTo(400);
    assertThat(fields(notANumber)).containsExactly("v");
    assertThat(
            call("GET /v1/templates/{id}/versions/{v}", Map.of("id", "offer", "v", "7"), null)
                .status())
        .isEqualTo(404);
    assertThat(fields(put("Bad_Id", GOOD))).containsExactly("id");
    Answer malformed = put("offer", "{\"email\":");
    assertThat(malformed.status()).isEqualTo(400);
  }

  /** Each bad document is refused with a 400 naming the part, and nothing is stored. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "::",
      value = {
        "variable the sample lacks :: /email/subject :: \"subject\":\"Hi {{ profile.nickname }}\"",
        "unknown filter :: /email/subject :: \"subject\":\"{{ profile.firstName | shout }}\"",
        "broken syntax :: /email/html :: \"html\":\"<p>{{ profile.firstName </p>\"",
        "unknown tag :: /email/html :: \"html\":\"{% shout %}\"",
        "unclosed block :: /email/text :: \"text\":\"{% if profile.firstName %}hi\"",
        "missing subject :: /email/subject :: \"subject\":null",
        "subject not a string :: /email/subject :: \"subject\":42",
        "unknown email field :: /email/subjekt :: \"subjekt\":\"x\"",
        "unknown layout :: /layout :: \"layout\":\"nope\"",
        "layout not an id :: /layout :: \"layout\":\"Not An Id\"",
        "sms body missing :: /sms/body :: \"sms\":{}",
        "push body unknown variable :: /push/body :: \"push\":{\"body\":\"{{ event.nope }}\"}",
        "unknown top-level field :: /colour :: \"colour\":\"red\"",
        "sample profile not an object :: /sample/profile :: \"sample\":{\"profile\":[]}",
      })
  void aBadTemplateIsRefusedNamingThePart(String why, String field, String change) {
    Answer answer = put("bad", badDocument(change));

    assertThat(answer.status()).as(why).isEqualTo(400);
    assertThat(fields(answer)).as(why).contains(field);
    assertThat(answer.body().toString()).doesNotContain("liqp", "Exception", "antlr");
    assertThat(call("GET /v1/templates/{id}", Map.of("id", "bad"), null).status()).isEqualTo(404);
  }

  /** The good document with one field of email replaced, or a top-level field set. */
  private static String badDocument(String change) {
    String key = change.substring(1, change.indexOf('"', 1));
    if (List.of("layout", "sms", "push", "colour", "sample").contains(key)) {
      ObjectNode doc = (ObjectNode) Json.parse(GOOD);
      doc.set(key, Json.parse("{" + change + "}").get(key));
      return Json.write(doc);
    }
    ObjectNode doc = (ObjectNode) Json.parse(GOOD);
    ((ObjectNode) doc.get("email")).set(key, Json.parse("{" + change + "}").get(key));
    if (key.equals("subject") && doc.get("email").get(key).isNull()) {
      ((ObjectNode) doc.get("email")).remove(key);
    }
    return Json.write(doc);
  }

  @Test
  void aPreviewByDataFlagsTheVariablesItLacks() {
    put("offer", GOOD);
    Answer preview =
        offer("preview", "{\"data\":{\"profile\":{\"firstName\":\"Ola\"},\"event\":{}}}");
    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.body().path("channels").path("email").path("subject").asText())
        .isEqualTo("Hi Ola");
    assertThat(preview.body().path("channels").path("email").path("html").asText())
        .contains("<p></p>", "Carvelo");
    assertThat(preview.body().path("missing").findValuesAsText("part"))
        .containsExactly("/email/html", "/sms/body");
    assertThat(preview.body().path("missing").findValuesAsText("variable"))
        .containsOnly("event.properties.model");
  }

  @Test
  void previewRequestsAreCheckedField() {
    put("offer", GOOD);
    for (String body :
        List.of("{}", "{\"profileId\":\"p\",\"data\":{}}", "{\"profileId\":\"unknown\"}")) {
      Answer answer = offer("preview", body);
      assertThat(answer.status()).as(body).isEqualTo(400);
      assertThat(fields(answer)).as(body).containsExactly("/profileId");
    }
    Answer badData = offer("preview", "{\"data\":{\"profile\":\"x\"}}");
    assertThat(fields(badData)).containsExactly("/data/profile");
  }

  @Test
  void theTestListIsNormalisedAndATestSendToAnyOtherAddressIsRefused() {
    Answer saved = testList("{\"addresses\":[\"QA@Carvelo.example\",\"+48 601 234 567\"]}");
    assertThat(saved.status()).isEqualTo(200);
    assertThat(call("GET /v1/settings/test-recipients", Map.of(), null).body().path("addresses"))
        .isEqualTo(Json.parse("[\"qa@carvelo.example\",\"+48601234567\"]"));

    Answer bad = testList("{\"addresses\":[\"ok@example.com\",\"not an address\"]}");
    assertThat(fields(bad)).containsExactly("/addresses/1");

    put("offer", GOOD);
    Answer stranger = offer("test-send", "{\"to\":\"someone@example.com\",\"channel\":\"email\"}");
    assertThat(stranger.status()).isEqualTo(400);
    assertThat(fields(stranger)).containsExactly("/to");
    Answer noPush = offer("test-send", "{\"to\":\"qa@carvelo.example\",\"channel\":\"push\"}");
    assertThat(fields(noPush)).containsExactly("/channel");
  }
}
