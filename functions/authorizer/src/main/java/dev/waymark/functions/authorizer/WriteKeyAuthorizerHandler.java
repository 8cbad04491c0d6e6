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
 * HTTP API Lambda authorizer (simple responses) for {@code POST /v1/events}: a request is
 * authorised when its Authorization header carries a valid write key. The key's source is passed on
 * to the ingest function in the authorizer context.
 */
public final class WriteKeyAuthorizerHandler
    implements RequestHandler<APIGatewayV2CustomAuthorizerEvent, Map<String, Object>> {
  private final WriteKeys writeKeys;
  private final Telemetry telemetry;

  public WriteKeyAuthorizerHandler() {
    this(Composition.coreFunction().writeKeys(), Telemetry.powertools());
  }

  public WriteKeyAuthorizerHandler(WriteKeys writeKeys, Telemetry telemetry) {
    this.writeKeys = writeKeys;
    this.telemetry = telemetry;
  }

  @Override
  public Map<String, Object> handleRequest(
      APIGatewayV2CustomAuthorizerEvent event, Context context) {
    return telemetry.invocation(context, () -> decide(event));
  }

  private Map<String, Object> decide(APIGatewayV2CustomAuthorizerEvent event) {
    Optional<String> source = writeKeys.authenticate(authorization(event));
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
    return event.getIdentitySource() == null || event.getIdentitySource().isEmpty()
        ? null
        : event.getIdentitySource().get(0);
  }
}
