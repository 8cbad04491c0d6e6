package dev.waymark.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.config.WaymarkConfig;
import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.json.Json;
import dev.waymark.ddblocal.SharedDynamoDbLocal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code POST /v1/events} through the handler, storing into DynamoDB Local. */
class IngestHandlerTest {
  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  static final DynamoDbClient dynamo = SharedDynamoDbLocal.client();
  String table;
  IngestHandler handler;

  @BeforeEach
  void freshTable() {
    table = SharedDynamoDbLocal.newWaymarkTable();
    WaymarkServices services =
        new WaymarkServices(dynamo, WaymarkConfig.local(table), Clock.fixed(NOW, ZoneOffset.UTC));
    handler = new IngestHandler(services.ingest(), Telemetry.quiet());
  }

  static APIGatewayV2HTTPEvent.APIGatewayV2HTTPEventBuilder post(String body) {
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey("POST /v1/events")
        .withHeaders(Map.of("content-type", "application/json; charset=utf-8"))
        .withBody(body)
        .withIsBase64Encoded(false)
        .withRequestContext(
            RequestContext.builder()
                .withAuthorizer(
                    RequestContext.Authorizer.builder().withLambda(Map.of("source", "web")).build())
                .build());
  }

  static String track(String... messageIds) {
    StringBuilder batch = new StringBuilder("{\"batch\":[");
    for (int i = 0; i < messageIds.length; i++) {
      batch
          .append(i == 0 ? "" : ",")
          .append(
              """
          {"type":"track","event":"Clicked","messageId":"%s","userId":"u-1","properties":{"n":%d}}"""
                  .formatted(messageIds[i], i));
    }
    return batch.append("]}").toString();
  }

  Map<String, AttributeValue> inboxItem(String messageId) {
    return dynamo
        .getItem(r -> r.tableName(table).key(Attr.key(Keys.inbox(messageId), Keys.INBOX_SK)))
        .item();
  }

  static JsonNode body(APIGatewayV2HTTPResponse response) {
    return Json.parse(response.getBody());
  }

  @Test
  void acceptsABatchWith202AndAResultPerEvent() {
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(post(track("m1", "m2")).build(), null);

    assertThat(response.getStatusCode()).isEqualTo(202);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
    assertThat(body(response))
        .isEqualTo(
            Json.parse(
                """
        {"results":[{"messageId":"m1","status":"accepted"},{"messageId":"m2","status":"accepted"}]}"""));
    InboundEvent stored = InboundEvent.fromStoredJson(Attr.string(inboxItem("m2"), "payload"));
    assertThat(stored.properties().path("n").asInt()).isEqualTo(1);
    assertThat(stored.receivedAt()).isEqualTo(NOW);
  }

  @Test
  void aRepeatedMessageIdIsADuplicateAndStoredOnce() {
    handler.handleRequest(post(track("m1")).build(), null);
    APIGatewayV2HTTPResponse again =
        handler.handleRequest(post(track("m2", "m1", "m2")).build(), null);

    assertThat(again.getStatusCode()).isEqualTo(202);
    assertThat(body(again).path("results"))
        .isEqualTo(
            Json.parse(
                """
        [{"messageId":"m2","status":"accepted"},{"messageId":"m1","status":"duplicate"},
         {"messageId":"m2","status":"duplicate"}]"""));
    assertThat(
            InboundEvent.fromStoredJson(Attr.string(inboxItem("m1"), "payload"))
                .properties()
                .path("n")
                .asInt())
        .as("the first stored copy is kept")
        .isZero();
  }

  @Test
  void aBase64EncodedBodyIsDecoded() {
    String encoded =
        Base64.getEncoder().encodeToString(track("b64").getBytes(StandardCharsets.UTF_8));
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(post(encoded).withIsBase64Encoded(true).build(), null);
    assertThat(response.getStatusCode()).isEqualTo(202);
    assertThat(inboxItem("b64")).containsKey("payload");
  }

  @Test
  void aBodyThatIsNotJsonIsRefusedWith415() {
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(
            post(track("html")).withHeaders(Map.of("Content-Type", "text/html")).build(), null);
    assertThat(response.getStatusCode()).isEqualTo(415);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    assertThat(body(response).path("status").asInt()).isEqualTo(415);
    assertThat(inboxItem("html")).isEmpty();
  }

  @Test
  void anInvalidBatchIsRefusedWhole() {
    String body =
        """
        {"batch":[{"type":"track","event":"E","messageId":"ok","userId":"u"},{"type":"track","messageId":"bad"}]}""";
    APIGatewayV2HTTPResponse response = handler.handleRequest(post(body).build(), null);
    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(body(response).path("errors").findValuesAsText("field"))
        .isNotEmpty()
        .allMatch(f -> f.startsWith("/batch/1"));
    assertThat(inboxItem("ok")).as("nothing of a refused batch is stored").isEmpty();
  }

  @Test
  void theAuthorizersSourceIsStoredOnTheInboxItem() {
    handler.handleRequest(post(track("from-web")).build(), null);
    handler.handleRequest(post(track("no-authorizer")).withRequestContext(null).build(), null);

    assertThat(Attr.string(inboxItem("from-web"), "source")).isEqualTo("web");
    assertThat(Attr.string(inboxItem("no-authorizer"), "source")).isEqualTo("unknown");
  }
}
