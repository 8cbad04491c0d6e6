package dev.waymark.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.waymark.core.json.Json;
import dev.waymark.core.problem.Problem;
import java.util.Map;

/** API Gateway HTTP API responses: JSON bodies, and RFC 9457 problems for every error. */
public final class HttpResponses {
  private HttpResponses() {}

  public static APIGatewayV2HTTPResponse json(int status, Object body) {
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(Map.of("Content-Type", "application/json"))
        .withBody(Json.write(body))
        .build();
  }

  public static APIGatewayV2HTTPResponse problem(Problem problem) {
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(problem.status())
        .withHeaders(Map.of("Content-Type", "application/problem+json"))
        .withBody(Json.write(problem))
        .build();
  }
}
