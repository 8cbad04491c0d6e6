package dev.waymark.functions.authorizer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import dev.waymark.aws.composition.Composition;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.access.WriteKeys;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP API Lambda authorizer (simple responses) for the event routes ({@code POST /v1/events},
 * {@code /v1/batch}, {@code /v1/track}, ...): a request with an Authorization header is authorised
 * when it carries a valid write key (Bearer, or Basic with the key as user name), and its source is
 * passed on to the ingest function in the authorizer context. A request without one is let through
 * marked {@code writeKeyIn: body}: analytics.js sends the key as {@code writeKey} in the body,
 * which authorizers never see, and the ingest function checks it there.
 */
public record WriteKeyAuthorizerHandler(WriteKeys writeKeys, Telemetry telemetry)
    implements RequestHandler<APIGatewayV2CustomAuthorizerEvent, Map<String, Object>> {
  public WriteKeyAuthorizerHandler() {
    this(Composition.coreFunction().writeKeys(), Telemetry.powertools());
  }

  @Override
  public Map<String, Object> handleRequest(
      APIGatewayV2CustomAuthorizerEvent event, Context context) {
    return telemetry.invocation(context, () -> decide(event));
  }

  private Map<String, Object> decide(APIGatewayV2CustomAuthorizerEvent event) {
    String authorization = authorization(event);
    if (authorization == null || authorization.isBlank()) {
      return Map.of("isAuthorized", true, "context", Map.of("writeKeyIn", "body"));
    }
    Optional<String> source = writeKeys.authenticate(authorization);
    telemetry.count(source.isPresent() ? "WriteKeyAccepted" : "WriteKeyRefused", 1);
    return source
        .<Map<String, Object>>map(s -> Map.of("isAuthorized", true, "context", Map.of("source", s)))
        .orElse(Map.of("isAuthorized", false));
  }

  private static String authorization(APIGatewayV2CustomAuthorizerEvent event) {
    if (event.getHeaders() != null) {
      for (Map.Entry<String, String> header : event.getHeaders().entrySet()) {
        if (header.getKey().equalsIgnoreCase("authorization")) {
          return header.getValue();
        }
      }
    }
    return null;
  }
}
