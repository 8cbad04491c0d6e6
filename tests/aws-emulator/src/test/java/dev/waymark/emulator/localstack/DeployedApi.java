package dev.waymark.emulator.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The deployed HTTP API, as clients call it: {@code POST /v1/events} with a write key, every other
 * route SigV4-signed ({@code execute-api}).
 */
final class DeployedApi {
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI base;
  private final String writeKey;

  DeployedApi(URI base, String writeKey) {
    this.base = base;
    this.writeKey = writeKey;
  }

  record Answer(int status, JsonNode body) {}

  Answer sendEvents(String batch) {
    return send(
        HttpRequest.newBuilder(base.resolve("/v1/events"))
            .header("Authorization", "Bearer " + writeKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(batch))
            .build());
  }

  Answer get(String pathAndQuery) {
    return signed(SdkHttpMethod.GET, pathAndQuery, "");
  }

  Answer put(String path, String json) {
    return signed(SdkHttpMethod.PUT, path, json);
  }

  private Answer signed(SdkHttpMethod method, String pathAndQuery, String body) {
    URI uri = base.resolve(pathAndQuery);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    SdkHttpRequest unsigned =
        SdkHttpRequest.builder()
            .uri(uri)
            .method(method)
            .putHeader("Content-Type", "application/json")
            .build();
    SignedRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.identity(AwsCredentialsIdentity.create("test", "test"))
                        .request(unsigned)
                        .payload(() -> new ByteArrayInputStream(bytes))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .method(method.name(), HttpRequest.BodyPublishers.ofByteArray(bytes));
    signed
        .request()
        .headers()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("host")) {
                values.forEach(v -> request.header(name, v));
              }
            });
    return send(request.build());
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      return new Answer(response.statusCode(), body.isBlank() ? Json.object() : Json.parse(body));
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Polls {@code read} every half second until {@code done} holds, or fails at the deadline. The
   * deployed stack works asynchronously (stream → Lambda → Step Functions → SES) and offers no
   * completion signal, so the pacing of a poll is all there is.
   */
  static <T> T eventually(String what, Duration within, Supplier<T> read, Predicate<T> done) {
    Instant deadline = Instant.now().plus(within);
    T last = read.get();
    while (!done.test(last)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(what + " did not happen within " + within + "; last: " + last);
      }
      LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
      last = read.get();
    }
    return last;
  }
}
