package dev.waymark.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.json.Json;
import dev.waymark.core.problem.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what Segment-compatible SDKs send into Waymark's batch form before validation, as Segment's
 * own tracking API reads it:
 *
 * <ul>
 *   <li>a single call ({@code POST /v1/track}, ...) becomes a batch of one, its {@code type} taken
 *       from the route when the call names none;
 *   <li>a JSON {@code null} in an optional top-level field of the batch or of an event means
 *       "absent" (segment-analytics-python sends {@code "userId": null});
 *   <li>{@code writeKey} in the body is removed, so no key is ever stored with an event;
 *   <li>an event without {@code timestamp} but with {@code originalTimestamp} gets {@code timestamp
 *       = receivedAt − (sentAt − originalTimestamp)}: the client's time corrected by its clock skew
 *       (with no {@code sentAt}, the original timestamp as it is).
 * </ul>
 *
 * Fields inside {@code traits}, {@code properties} and {@code context} are left as sent: a {@code
 * null} trait still removes the trait.
 */
public final class SegmentCalls {
  private SegmentCalls() {}

  /** The body of a batch route ({@code /v1/events}, {@code /v1/batch}). */
  public static JsonNode batch(JsonNode root, Instant receivedAt) {
    if (!(root instanceof ObjectNode object)) {
      return root;
    }
    dropNulls(object);
    object.remove("writeKey");
    if (object.get("batch") instanceof ArrayNode batch) {
      for (JsonNode event : batch) {
        if (event instanceof ObjectNode call) {
          normalise(call, object.get("sentAt"), receivedAt);
        }
      }
    }
    return object;
  }

  /** The body of a single-call route: one call, wrapped into a batch of one. */
  public static JsonNode single(JsonNode root, EventType route, Instant receivedAt) {
    if (!(root instanceof ObjectNode call)) {
      throw ProblemException.invalidField("", "expected a JSON object: one " + route.wireName());
    }
    JsonNode type = call.get("type");
    if (type == null || type.isNull()) {
      call.put("type", route.wireName());
    } else if (!route.wireName().equals(type.asText())) {
      throw ProblemException.invalidField(
          "/type", "this route takes " + route.wireName() + " calls; send others to /v1/batch");
    }
    ObjectNode batch = Json.object();
    batch.putArray("batch").add(call);
    return batch(batch, receivedAt);
  }

  /**
   * A field of the batch form named back as the client sent it: {@code /batch/0/x} → {@code /x}.
   */
  public static String singleField(String batchField) {
    if (batchField.equals("/batch/0")) {
      return "";
    }
    return batchField.startsWith("/batch/0/") ? batchField.substring(8) : batchField;
  }

  private static void normalise(ObjectNode call, JsonNode batchSentAt, Instant receivedAt) {
    dropNulls(call);
    call.remove("writeKey");
    if (call.has("timestamp") || !call.has("originalTimestamp")) {
      return;
    }
    Optional<Instant> original = instant(call.get("originalTimestamp"));
    Optional<Instant> sentAt = instant(call.has("sentAt") ? call.get("sentAt") : batchSentAt);
    if (original.isEmpty()) {
      return; // the validator names the bad originalTimestamp
    }
    Instant at =
        sentAt.isEmpty()
            ? original.get()
            : receivedAt.minus(Duration.between(original.get(), sentAt.get()));
    call.put("timestamp", at.toString());
  }

  private static Optional<Instant> instant(JsonNode node) {
    return node == null || !node.isTextual()
        ? Optional.empty()
        : EventTimestamps.tryParse(node.asText());
  }

  private static void dropNulls(ObjectNode object) {
    List<String> nulls = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      if (field.getValue().isNull()) {
        nulls.add(field.getKey());
      }
    }
    object.remove(nulls);
  }
}
