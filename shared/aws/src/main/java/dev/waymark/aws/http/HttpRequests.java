package dev.waymark.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.json.Json;
import dev.waymark.core.problem.FieldError;
import dev.waymark.core.problem.Problem;
import dev.waymark.core.problem.ProblemException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reading API Gateway HTTP API (payload 2.0) requests. */
public final class HttpRequests {
  private HttpRequests() {}

  /** The request body as text; refuses bodies that are not JSON with a 415 problem. */
  public static String jsonBody(APIGatewayV2HTTPEvent event) {
    String contentType = header(event, "content-type").orElse("");
    String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!mediaType.equals("application/json")
        && !mediaType.endsWith("+json")
        && !mediaType.equals("text/plain")) {
      throw new ProblemException(
          new Problem(
              "https://waymark.dev/problems/unsupported-media-type",
              "Unsupported media type",
              415,
              "Content-Type must be application/json",
              List.of(new FieldError("Content-Type", "must be application/json"))));
    }
    String body = event.getBody() == null ? "" : event.getBody();
    return event.getIsBase64Encoded()
        ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8)
        : body;
  }

  /** The request body as JSON: 415 unless JSON, 400 naming the body ({@code /}) if malformed. */
  public static JsonNode jsonBodyNode(APIGatewayV2HTTPEvent event) {
    String body = jsonBody(event);
    if (body.isBlank()) {
      throw ProblemException.invalidField("/", "a JSON body is required");
    }
    try {
      return Json.parse(body);
    } catch (UncheckedIOException e) {
      throw ProblemException.invalidField("/", "malformed JSON");
    }
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

  public static String pathParameter(APIGatewayV2HTTPEvent event, String name) {
    Map<String, String> params = event.getPathParameters();
    String value = params == null ? null : params.get(name);
    if (value == null || value.isBlank()) {
      throw ProblemException.invalidField(name, "path parameter is required");
    }
    return value;
  }
}
