package dev.waymark.local.http;

import java.util.Map;

/** A response the local HTTP server writes. */
public record LocalResponse(int status, Map<String, String> headers, String body) {
  public static LocalResponse json(int status, String body) {
    return new LocalResponse(status, Map.of("Content-Type", "application/json"), body);
  }
}
