package dev.waymark.local;

import java.util.Map;

/** A response the local HTTP server writes. */
record LocalResponse(int status, Map<String, String> headers, String body) {
  static LocalResponse json(int status, String body) {
    return new LocalResponse(status, Map.of("Content-Type", "application/json"), body);
  }
}
