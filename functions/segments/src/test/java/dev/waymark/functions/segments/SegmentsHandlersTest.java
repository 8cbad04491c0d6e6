package dev.waymark.functions.segments;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.config.WaymarkConfig;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.json.Json;
import dev.waymark.core.profile.EventProcessing;
import dev.waymark.ddblocal.SharedDynamoDbLocal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The segment API and the hourly due-check sweep through their handlers, on DynamoDB Local. */
class SegmentsHandlersTest {
  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  static final DynamoDbClient dynamo = SharedDynamoDbLocal.client();
  WaymarkServices core;
  SegmentsHandler handler;

  @BeforeEach
  void freshTable() {
    core =
        new WaymarkServices(
            dynamo,
            WaymarkConfig.local(SharedDynamoDbLocal.newWaymarkTable()),
            Clock.fixed(NOW, ZoneOffset.UTC));
    handler = new SegmentsHandler(core, Telemetry.quiet());
  }

  String overdue(String userId) {
    return new EventProcessing(core.profiles(), core.segments().listeners(), 1)
        .process(
            new InboundEvent(
                Json.parseObject(
                    """
                    {"type":"identify","messageId":"id-%s","userId":"%s",
                     "traits":{"email":"%s@example.com","paymentStatus":"overdue"}}"""
                        .formatted(userId, userId, userId)),
                NOW))
        .profileId();
  }

  record Answer(int status, JsonNode body) {}

  Answer call(String routeKey, Map<String, String> path, String body) {
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(
            APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withPathParameters(path)
                .withHeaders(body == null ? Map.of() : Map.of("content-type", "application/json"))
                .withBody(body)
                .build(),
            null);
    return new Answer(response.getStatusCode(), Json.parse(response.getBody()));
  }

  @Test
  void segmentsShowTheirSizeSampleAndAPersonsMemberships() {
    String sarah = overdue("sarah");
    Answer list = call("GET /v1/segments", Map.of(), null);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body().path("segments").findValuesAsText("id"))
        .contains("payment-overdue", "lease-ends-within-90-days");
    Answer one = call("GET /v1/segments/{id}", Map.of("id", "payment-overdue"), null);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.body().path("size").asLong()).isEqualTo(1);
    assertThat(one.body().path("sample").get(0).asText()).isEqualTo(sarah);
    Answer mine = call("GET /v1/profiles/{id}/segments", Map.of("id", sarah), null);
    assertThat(mine.body().path("segments").findValuesAsText("segmentId"))
        .contains("payment-overdue");
  }

  @Test
  void aDraftIsPreviewedAndAnInvalidOneIsA400() {
    overdue("sarah");
    Answer preview =
        call(
            "POST /v1/segments/preview",
            Map.of(),
            "{\"name\":\"Gold\",\"rule\":{\"trait\":\"paymentStatus\",\"equals\":\"overdue\"}}");
    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.body().path("size").asLong()).isEqualTo(1);
    Answer invalid =
        call("POST /v1/segments/preview", Map.of(), "{\"name\":\"x\",\"rule\":{\"nope\":1}}");
    assertThat(invalid.status()).isEqualTo(400);
  }

  @Test
  void unknownSegmentsProfilesAndRoutesAre404s() {
    assertThat(call("GET /v1/segments/{id}", Map.of("id", "nope"), null).status()).isEqualTo(404);
    assertThat(call("GET /v1/profiles/{id}/segments", Map.of("id", "nope"), null).status())
        .isEqualTo(404);
    assertThat(call("GET /v1/other", Map.of(), null).status()).isEqualTo(404);
  }

  @Test
  void theDueCheckSweepRunsTheChecksOfItsHourOnly() {
    SegmentDueChecksHandler sweep = new SegmentDueChecksHandler(core, Telemetry.quiet());
    assertThat(sweep.handleRequest(Map.of("scheduledTime", NOW.toString()), null))
        .containsEntry("checked", 0);
  }
}
