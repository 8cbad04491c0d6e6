package dev.waymark.local.http;

import dev.waymark.core.json.Json;
import dev.waymark.core.problem.FieldError;
import dev.waymark.core.problem.Problem;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A response the local HTTP server writes. */
public record LocalResponse(int status, Map<String, String> headers, String body) {
  public static LocalResponse json(int status, String body) {
    return new LocalResponse(status, Map.of("Content-Type", "application/json"), body);
  }

  /** An RFC 9457 problem, as every error answer of the local API. */
  public static LocalResponse problem(Problem problem) {
    return new LocalResponse(
        problem.status(), Map.of("Content-Type", "application/problem+json"), Json.write(problem));
  }

  /** A 405 problem naming {@code method}, with the {@code Allow} header. */
  public static LocalResponse methodNotAllowed(List<String> allowed) {
    LocalResponse refused =
        problem(
            new Problem(
                "https://waymark.dev/problems/method-not-allowed",
                "Method not allowed",
                405,
                "method: this path answers " + String.join(", ", allowed),
                List.of(new FieldError("method", "must be one of " + allowed))));
    Map<String, String> headers = new HashMap<>(refused.headers());
    headers.put("Allow", String.join(", ", allowed));
    return new LocalResponse(405, headers, refused.body());
  }

  /**
   * A 415 problem naming {@code Content-Type} unless the request's body is declared {@code
   * application/json} (or {@code +json}), as the API's admin routes answer.
   */
  public static Optional<LocalResponse> unlessJson(LocalHttpRequest request) {
    String mediaType =
        request.header("content-type").orElse("").split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
      return Optional.empty();
    }
    String given = mediaType.isEmpty() ? "missing" : mediaType.replaceAll("[^a-z0-9+./-]", "?");
    return Optional.of(
        problem(
            new Problem(
                "https://waymark.dev/problems/unsupported-media-type",
                "Unsupported media type",
                415,
                "Content-Type must be application/json (it is " + given + ")",
                List.of(new FieldError("Content-Type", "must be application/json")))));
  }
}
