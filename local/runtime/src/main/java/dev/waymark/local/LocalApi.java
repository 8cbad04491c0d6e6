package dev.waymark.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A small HTTP client for the local runtime's API, as a website or admin tool would call it. */
public final class LocalApi {
  public record Answer(int status, String contentType, JsonNode body) {}

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI base;
  private final String writeKey;

  public LocalApi(LocalRuntime runtime) {
    this.base = runtime.baseUri();
    this.writeKey = runtime.writeKey();
  }

  public Answer sendEvents(String body) {
    return send(
        HttpRequest.newBuilder(base.resolve("/v1/events"))
            .header("Authorization", "Bearer " + writeKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Answer get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  public Answer put(String path, String body) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Answer post(String path, String body) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Answer delete(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
  }

  /** A GET that does not follow redirects (a click link): the status and Location, if any. */
  public record Redirect(int status, String location, JsonNode body) {}

  public Redirect open(String pathOrUrl) {
    HttpResponse<String> response = exchange(HttpRequest.newBuilder(base.resolve(pathOrUrl)).GET());
    return new Redirect(
        response.statusCode(),
        response.headers().firstValue("location").orElse(null),
        json(response.body()));
  }

  public Answer send(HttpRequest.Builder request) {
    HttpResponse<String> response = exchange(request);
    return new Answer(
        response.statusCode(),
        response.headers().firstValue("content-type").orElse(""),
        json(response.body()));
  }

  private static JsonNode json(String text) {
    return text == null || text.isEmpty() ? null : Json.parse(text);
  }

  private HttpResponse<String> exchange(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public URI base() {
    return base;
  }
}
