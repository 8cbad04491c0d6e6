package dev.waymark.functions.authorizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.config.WaymarkConfig;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.ddblocal.SharedDynamoDbLocal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP API authorizer with keys issued into DynamoDB Local. */
class WriteKeyAuthorizerHandlerTest {
  static WaymarkServices services;
  static WriteKeyAuthorizerHandler handler;
  static String webKey;

  @BeforeAll
  static void start() {
    services =
        new WaymarkServices(
            SharedDynamoDbLocal.client(),
            WaymarkConfig.local(SharedDynamoDbLocal.newWaymarkTable()),
            Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));
    handler = new WriteKeyAuthorizerHandler(services.writeKeys(), Telemetry.quiet());
    webKey = services.writeKeys().issue("web");
  }

  static Map<String, Object> authorize(Map<String, String> headers) {
    APIGatewayV2CustomAuthorizerEvent event =
        APIGatewayV2CustomAuthorizerEvent.builder()
            .withVersion("2.0")
            .withType("REQUEST")
            .withRouteKey("POST /v1/events")
            .withHeaders(headers)
            .withIdentitySource(headers.values().stream().toList())
            .build();
    return handler.handleRequest(event, null);
  }

  @Test
  void aBearerKeyIsAuthorisedWithItsSource() {
    assertThat(authorize(Map.of("authorization", "Bearer " + webKey)))
        .containsEntry("isAuthorized", true)
        .containsEntry("context", Map.of("source", "web"));
  }

  @Test
  void aBasicKeyIsAuthorisedWithItsSource() {
    String basic =
        "Basic "
            + Base64.getEncoder().encodeToString((webKey + ":").getBytes(StandardCharsets.UTF_8));
    assertThat(authorize(Map.of("Authorization", basic)))
        .containsEntry("isAuthorized", true)
        .containsEntry("context", Map.of("source", "web"));
  }

  @Test
  void eachKeyCarriesItsOwnSource() {
    String appKey = services.writeKeys().issue("ios-app");
    assertThat(authorize(Map.of("authorization", "Bearer " + appKey)))
        .containsEntry("context", Map.of("source", "ios-app"));
  }

  @Test
  void aWrongKeyIsRefused() {
    assertThat(authorize(Map.of("authorization", "Bearer " + webKey + "x")))
        .isEqualTo(Map.of("isAuthorized", false));
    assertThat(authorize(Map.of("authorization", "Bearer wk_unknown")))
        .isEqualTo(Map.of("isAuthorized", false));
  }

  @Test
  void withoutAHeaderTheIngestFunctionChecksTheBodysKey() {
    Map<String, Object> body =
        Map.of("isAuthorized", true, "context", Map.of("writeKeyIn", "body"));
    assertThat(authorize(Map.of())).isEqualTo(body);
    assertThat(handler.handleRequest(new APIGatewayV2CustomAuthorizerEvent(), null))
        .isEqualTo(body);
  }

  @Test
  void theRouteKeyAsIdentitySourceIsNoKey() {
    APIGatewayV2CustomAuthorizerEvent event =
        APIGatewayV2CustomAuthorizerEvent.builder()
            .withHeaders(Map.of("authorization", "Bearer wk_unknown"))
            .withIdentitySource(List.of("POST /v1/track"))
            .build();
    assertThat(handler.handleRequest(event, null)).isEqualTo(Map.of("isAuthorized", false));
  }
}
