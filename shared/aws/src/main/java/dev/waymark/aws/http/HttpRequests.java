package dev.waymark.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.waymark.core.json.StrictJson;
import dev.waymark.core.problem.FieldError;
import dev.waymark.core.problem.Problem;
import dev.waymark.core.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reading API Gateway HTTP API (payload 2.0) requests. */
public final class HttpRequests {
  private HttpRequests() {}

  /**
   * The largest JSON body an admin route reads (journey and template documents included): well
   * under DynamoDB's 400 KB item limit.
   */
  public static final int MAX_BODY_BYTES = 256 * 1024;

  /**
   * The request body as text; refuses bodies whose {@code Content-Type} is not {@code
   * application/json} (or {@code +json}) with a 415 problem naming the header.
   */
  public static String jsonBody(APIGatewayV2HTTPEvent event) {
    String contentType = header(event, "content-type").orElse("");
    String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
      String given = mediaType.isEmpty() ? "missing" : mediaType.replaceAll("[^a-z0-9+./-]", "?");
      throw new ProblemException(
          new Problem(
              "https://waymark.dev/problems/unsupported-media-type",
              "Unsupported media type",
              415,
              "Content-Type must be application/json (it is " + given + ")",
              List.of(new FieldError("Content-Type", "must be application/json"))));
    }
    String body = event.getBody() == null ? "" : event.getBody();
    return event.getIsBase64Encoded()
        ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8)
        : body;
  }

  /**
   * The request body as one JSON value (see {@link StrictJson}): 415 unless JSON, 400 naming the
   * body ({@code /}) or the place it breaks if malformed, 413 over {@link #MAX_BODY_BYTES}.
   */
  public static JsonNode jsonBodyNode(APIGatewayV2HTTPEvent event) {
    return StrictJson.parse(jsonBody(event), "/", MAX_BODY_BYTES);
  }

  /** As {@link #jsonBodyNode}, but a request without a body reads as JSON {@code null}. */
  public static JsonNode optionalJsonBodyNode(APIGatewayV2HTTPEvent event) {
    if (event.getBody() == null || event.getBody().isEmpty()) {
      return NullNode.getInstance();
    }
    return jsonBodyNode(event);
  }

  public static Optional<String> header(APIGatewayV2HTTPEvent event, String name) {
    Map<String, String> headers = event.getHeaders();
    if (headers == null) {
      return Optional.empty();
    }
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  public static Optional<String> query(APIGatewayV2HTTPEvent event, String name) {
    Map<String, String> params = event.getQueryStringParameters();
    return params == null ? Optional.empty() : Optional.ofNullable(params.get(name));
  }

  /** A query parameter that must be there: a 400 naming it ("required") when it is not. */
  public static String requiredQuery(APIGatewayV2HTTPEvent event, String name) {
    return query(event, name).orElseThrow(() -> ProblemException.invalidField(name, "required"));
  }

  /** A true/false query parameter: false when absent, a 400 naming it when anything else. */
  public static boolean flag(APIGatewayV2HTTPEvent event, String name) {
    String value = query(event, name).orElse("false");
    if (!value.equals("true") && !value.equals("false")) {
      throw ProblemException.invalidField(name, "must be true or false");
    }
    return value.equals("true");
  }

  public static String pathParameter(APIGatewayV2HTTPEvent event, String name) {
    Map<String, String> params = event.getPathParameters();
    String value = params == null ? null : params.get(name);
    if (value == null || value.isBlank()) {
      throw ProblemException.invalidField(name, "path parameter is required");
    }
    return value;
  }
}
