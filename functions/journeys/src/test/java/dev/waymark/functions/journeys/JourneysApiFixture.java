package dev.waymark.functions.journeys;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.config.WaymarkConfig;
import dev.waymark.aws.journey.JourneyConfig;
import dev.waymark.aws.journey.JourneyServices;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.json.Json;
import dev.waymark.core.template.ShippedTemplates;
import dev.waymark.ddblocal.SharedDynamoDbLocal;
import dev.waymark.states.StatesEngine;
import dev.waymark.states.api.StatesHttpServer;
import dev.waymark.states.clock.ClockMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The journeys function over DynamoDB Local and the States Language executor behind its Step
 * Functions endpoint (manual clock): what the handler's SDK clients talk to in these tests.
 */
final class JourneysApiFixture implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  static {
    System.setProperty("aws.accessKeyId", System.getProperty("aws.accessKeyId", "local"));
    System.setProperty("aws.secretAccessKey", System.getProperty("aws.secretAccessKey", "local"));
  }

  final StatesEngine engine = StatesEngine.builder().clockMode(ClockMode.MANUAL).build();
  final StatesHttpServer endpoint;
  final WaymarkServices core;
  final JourneyServices journeys;
  final JourneysHandler handler;
  final UnsubscribeHandler unsubscribe;

  /** An answer: its status, its parsed body and its Content-Type. */
  record Answer(int status, JsonNode body, String contentType) {}

  JourneysApiFixture() throws Exception {
    endpoint = StatesHttpServer.start(engine, "127.0.0.1", 0);
    core =
        new WaymarkServices(
            SharedDynamoDbLocal.client(),
            WaymarkConfig.local(SharedDynamoDbLocal.newWaymarkTable()),
            Clock.fixed(NOW, ZoneOffset.UTC));
    journeys =
        new JourneyServices(
            core,
            JourneyConfig.from(
                Map.of(
                    "WAYMARK_SFN_ENDPOINT",
                    endpoint.endpoint(),
                    "WAYMARK_JOURNEY_CACHE_SECONDS",
                    "0")));
    handler = new JourneysHandler(journeys, Telemetry.quiet());
    unsubscribe = new UnsubscribeHandler(journeys, Telemetry.quiet());
    // what the local runtime and the deploy do before any journey is published
    ShippedTemplates.publish(JourneysApiFixture.class.getClassLoader(), journeys.templates());
  }

  Answer call(String routeKey, Map<String, String> path, Map<String, String> query) {
    return call(routeKey, path, query, null);
  }

  /**
   * A request as API Gateway passes it; a non-null body is sent as application/json. The
   * unsubscribe routes go to UnsubscribeFunction's handler, the others to JourneysFunction's.
   */
  Answer call(String routeKey, Map<String, String> path, Map<String, String> query, String body) {
    APIGatewayV2HTTPResponse response =
        (routeKey.endsWith(" /v1/unsubscribe") ? unsubscribe : handler)
            .handleRequest(
                APIGatewayV2HTTPEvent.builder()
                    .withVersion("2.0")
                    .withRouteKey(routeKey)
                    .withPathParameters(path)
                    .withQueryStringParameters(query)
                    .withHeaders(
                        body == null ? Map.of() : Map.of("content-type", "application/json"))
                    .withBody(body)
                    .build(),
                null);
    return new Answer(
        response.getStatusCode(),
        Json.parse(response.getBody()),
        response.getHeaders().getOrDefault("Content-Type", ""));
  }

  @Override
  public void close() {
    endpoint.close();
    engine.close();
  }
}
