package dev.waymark.local.console;

import java.util.Map;

/** The headers every console file is served with. */
final class ConsoleHeaders {
  private ConsoleHeaders() {}

  static Map<String, String> forFile(String contentType) {
    return Map.of(
        "Content-Type", contentType,
        "Cache-Control", "no-cache",
        "X-Content-Type-Options", "nosniff",
        "Content-Security-Policy", ContentSecurityPolicy.LOCAL,
        "Referrer-Policy", "no-referrer");
  }
}
