package dev.waymark.local.journeys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.ddblocal.DynamoDbLocal;
import dev.waymark.local.LocalApi;
import dev.waymark.local.LocalRuntime;
import dev.waymark.local.aws.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/** A person acting through the local runtime's HTTP API, and what reached them. */
final class JourneyScenario implements AutoCloseable {
  final LocalRuntime runtime;
  final LocalApi api;
  private final AtomicInteger messages = new AtomicInteger();

  JourneyScenario(Instant start) throws Exception {
    this.runtime =
        LocalRuntime.start(LocalRuntime.Options.defaults().withPort(0).startingAt(start));
    this.api = new LocalApi(runtime);
  }

  /** Sends one event (messageId and timestamp filled in) and waits until everything settled. */
  JsonNode send(String eventJson) {
    String event =
        eventJson.replaceFirst(
            "\\{",
            "{\"messageId\":\"m-"
                + messages.incrementAndGet()
                + "\",\"timestamp\":\""
                + runtime.clock().instant()
                + "\",");
    LocalApi.Answer answer = api.sendEvents("{\"batch\":[" + event + "]}");
    if (answer.status() != 202) {
      throw new AssertionError("event refused: " + answer.body());
    }
    runtime.awaitProcessed();
    return answer.body();
  }

  /** A known person with email (and optionally phone and push) and the given consents granted. */
  String person(String userId, String traitsJson, String... grantedChannels) {
    send("{\"type\":\"identify\",\"userId\":\"" + userId + "\",\"traits\":" + traitsJson + "}");
    String id = profileId(userId);
    if (grantedChannels.length > 0) {
      StringBuilder consents = new StringBuilder("{\"consents\":[");
      for (int i = 0; i < grantedChannels.length; i++) {
        consents
            .append(i == 0 ? "" : ",")
            .append("{\"channel\":\"")
            .append(grantedChannels[i])
            .append("\",\"status\":\"granted\",\"source\":\"test\"}");
      }
      api.put("/v1/profiles/" + id + "/consents", consents + "]}");
    }
    return id;
  }

  String profileId(String userId) {
    return api.get("/v1/profiles?userId=" + userId).body().path("profileId").asText();
  }

  void advance(Duration by) {
    runtime.advance(by);
  }

  List<Outbox.Message> outboxFor(String recipient) {
    return runtime.outbox().messages().stream()
        .filter(m -> m.recipient().equals(recipient))
        .toList();
  }

  /** The journey steps of the messages that reached a recipient, oldest first. */
  List<String> steps(String recipient) {
    return outboxFor(recipient).stream().map(Outbox.Message::step).toList();
  }

  /** The person's events named {@code name}, from {@code GET /v1/profiles/{id}/events}. */
  List<JsonNode> events(String userId, String name) {
    JsonNode events =
        api.get("/v1/profiles/" + profileId(userId) + "/events?limit=100").body().path("events");
    return java.util.stream.StreamSupport.stream(events.spliterator(), false)
        .filter(e -> name.equals(e.path("event").asText()))
        .toList();
  }

  /** {@code GET /v1/profiles/{id}/journeys} of a person: runs and decision trace. */
  JsonNode journeysOf(String userId) {
    return api.get("/v1/profiles/" + profileId(userId) + "/journeys").body();
  }

  /** The person's decisions as {@code kind:decision} ("entry:entered", "send:no_consent", ...). */
  List<String> trace(String userId) {
    List<String> decisions = new java.util.ArrayList<>();
    journeysOf(userId)
        .path("trace")
        .forEach(t -> decisions.add(t.path("kind").asText() + ":" + t.path("decision").asText()));
    return decisions;
  }

  /** An SDK client for the runtime's local Step Functions endpoint (close it after use). */
  SfnClient sfn() {
    return SfnClient.builder()
        .endpointOverride(runtime.sfnEndpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(DynamoDbLocal.localCredentials())
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  @Override
  public void close() {
    runtime.close();
  }
}
