package dev.waymark.local.http;

import dev.waymark.core.json.Json;
import dev.waymark.core.problem.Problem;
import java.util.Map;

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
}
