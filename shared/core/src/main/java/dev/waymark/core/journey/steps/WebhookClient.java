package dev.waymark.core.journey.steps;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Makes one HTTP call for a webhook step (the adapter: {@code java.net.http.HttpClient}). */
public interface WebhookClient {
  record Request(
      String method, URI url, Map<String, String> headers, String body, Duration timeout) {
    public Request {
      headers = Map.copyOf(headers);
    }
  }

  record Response(int status, String body) {}

  /**
   * Sends the request and reads the answer; an {@link IOException} (including a timeout) when none
   * came.
   */
  Response call(Request request) throws IOException, InterruptedException;
}
