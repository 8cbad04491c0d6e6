package dev.waymark.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.json.Json;
import dev.waymark.local.LocalApi;
import dev.waymark.local.LocalRuntime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replays the SDK payloads captured in events/sdk-*.json (paths, headers, bodies as each SDK sent
 * them) on a runtime whose clock stands at 2026-12-01T00:00Z, after the capture: every request is
 * accepted and every event lands at its time — the sent {@code timestamp}, or {@code
 * originalTimestamp} corrected by the client's clock skew.
 */
class SdkSamplesTest {
  static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
  static LocalRuntime runtime;
  static LocalApi api;

  @BeforeAll
  static void start() throws Exception {
    runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withPort(0).startingAt(NOW));
    api = new LocalApi(runtime);
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "sdk-segment-node-batch.json, sample-segment-node-user",
    "sdk-segment-python-batch.json, sample-segment-python-user",
    "sdk-rudder-node-batch.json, sample-rudder-node-user",
    "sdk-analytics-js-calls.json, sample-ajs-user"
  })
  void capturedPayloadsAreAcceptedAndLandAtTheirTimes(String file, String userId)
      throws IOException {
    JsonNode sample = Json.parse(Files.readString(SdkScripts.ROOT.resolve("events").resolve(file)));
    Map<String, Instant> expected = new HashMap<>();
    for (JsonNode request : sample.path("requests")) {
      ObjectNode body = (ObjectNode) request.path("body").deepCopy();
      if (body.has("writeKey")) {
        body.put("writeKey", runtime.writeKey());
      }
      LocalApi.Answer answer = api.send(replay(request, Json.write(body)));
      assertThat(answer.status())
          .as(file + " " + request.path("path") + ": " + answer.body())
          .isEqualTo(202);
      JsonNode calls =
          body.has("batch") ? body.get("batch") : Json.MAPPER.createArrayNode().add(body);
      calls.forEach(c -> expected.put(c.path("messageId").asText(), expectedTime(c, body)));
    }
    runtime.awaitProcessed();

    JsonNode profile = api.get("/v1/profiles?userId=" + userId).body();
    assertThat(profile.path("accounts").get(0).path("traits").path("plan").asText())
        .as("the group call's account")
        .isEqualTo("enterprise");
    Map<String, Instant> landed = SdkScripts.timeline(api, profile.path("profileId").asText());
    assertThat(landed).containsAllEntriesOf(expected);
  }

  /** The sent timestamp; else NOW − (sentAt − originalTimestamp), as Segment corrects skew. */
  private static Instant expectedTime(JsonNode call, JsonNode batch) {
    if (call.hasNonNull("timestamp")) {
      return Instant.parse(call.get("timestamp").asText().replace("+00:00", "Z"));
    }
    Instant original = Instant.parse(call.get("originalTimestamp").asText());
    JsonNode sentAt = call.hasNonNull("sentAt") ? call.get("sentAt") : batch.get("sentAt");
    return NOW.minus(Duration.between(original, Instant.parse(sentAt.asText())));
  }

  private static HttpRequest.Builder replay(JsonNode request, String body) throws IOException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(api.base().resolve(request.path("path").asText()));
    request
        .path("headers")
        .properties()
        .forEach(
            h -> {
              if (!h.getKey().equals("user-agent")) {
                builder.header(h.getKey(), h.getValue().asText());
              }
            });
    if (request.path("authorization").asText().equals("Basic")) {
      String basic = runtime.writeKey() + ":";
      builder.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }
    boolean gzip = request.path("headers").path("content-encoding").asText().equals("gzip");
    return builder.POST(
        HttpRequest.BodyPublishers.ofByteArray(
            gzip ? gzip(body) : body.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
