package dev.waymark.local;

import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A test class's own local runtime, started at 08:00 on 24 November 2026, and an API client for it.
 */
abstract class LocalRuntimeFixture {
  static final Instant START = Instant.parse("2026-11-24T08:00:00Z");
  static LocalRuntime runtime;
  static LocalApi api;

  @BeforeAll
  static void startRuntime() throws Exception {
    runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withPort(0).startingAt(START));
    api = new LocalApi(runtime);
  }

  @AfterAll
  static void stopRuntime() {
    runtime.close();
  }

  /** The live profile an identity query ({@code email=…}, {@code userId=…}) finds. */
  static String profileId(String query) {
    return api.get("/v1/profiles?" + query).body().path("profileId").asText();
  }

  /** An anonymous visitor views the E-V Model page (so enters interested-in-ev-model). */
  static String evPageVisitor(String messageId, String anonymousId) {
    api.sendEvents(
        "{\"batch\":[{\"type\":\"page\",\"messageId\":\"%s\",\"anonymousId\":\"%s\",\"name\":\"E-V Model\"}]}"
            .formatted(messageId, anonymousId));
    runtime.awaitProcessed();
    return profileId("anonymousId=" + anonymousId);
  }

  /** A plain GET on the runtime, headers and all (for routes that answer more than JSON). */
  static java.net.http.HttpResponse<String> getRaw(String path) throws Exception {
    try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
      return http.send(
          java.net.http.HttpRequest.newBuilder(runtime.baseUri().resolve(path)).GET().build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
    }
  }
}
