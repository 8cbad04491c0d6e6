package dev.waymark.functions.journeytasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.journey.EventMatcher;
import dev.waymark.core.journey.FieldFilter;
import dev.waymark.core.journey.FilterOp;
import dev.waymark.core.journey.WaitService;
import dev.waymark.core.json.Json;
import dev.waymark.core.message.Channel;
import dev.waymark.core.send.SendRequest;
import dev.waymark.core.send.SendWindow;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the payloads journey state machines pass to their task functions. A payload a definition
 * gets wrong fails the task with {@code Waymark.InvalidTaskPayload} naming the field, so the
 * mistake shows in the execution history.
 */
final class TaskPayloads {
  private TaskPayloads() {}

  static final class InvalidTaskPayload extends RuntimeException {
    InvalidTaskPayload(String field, String message) {
      super(field + ": " + message);
    }
  }

  static JsonNode tree(Map<String, Object> payload) {
    return Json.MAPPER.valueToTree(payload);
  }

  static String text(JsonNode payload, String field) {
    JsonNode value = payload.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new InvalidTaskPayload(field, "required text");
    }
    return value.asText();
  }

  /** The waitFor step whose time-out a send records first ({@code timedOut}). */
  static WaitService.Step timedOut(JsonNode p) {
    JsonNode t = p.get("timedOut");
    if (!t.isObject() || !t.path("stepId").isTextual() || t.get("stepId").asText().isBlank()) {
      throw new InvalidTaskPayload("timedOut", "an object {stepId, version}");
    }
    return new WaitService.Step(
        text(p, "profileId"),
        text(p, "journeyId"),
        t.path("version").asText("unversioned"),
        text(p, "runId"),
        t.get("stepId").asText());
  }

  /** The sends made in the same call after the first ({@code then}: send payloads). */
  static List<JsonNode> then(JsonNode p) {
    JsonNode then = p.get("then");
    List<JsonNode> out = new ArrayList<>();
    if (then == null || !then.isArray()) {
      throw new InvalidTaskPayload("then", "an array of send payloads");
    }
    for (JsonNode next : then) {
      if (!next.isObject()) {
        throw new InvalidTaskPayload("then", "an array of send payloads");
      }
      out.add(next);
    }
    return out;
  }

  static SendRequest sendRequest(JsonNode p) {
    List<Channel> channels = new ArrayList<>();
    JsonNode listed =
        p.has("channels")
            ? p.get("channels")
            : Json.MAPPER.createArrayNode().add(text(p, "channel"));
    for (JsonNode c : listed) {
      try {
        channels.add(Channel.valueOf(c.asText()));
      } catch (IllegalArgumentException e) {
        throw new InvalidTaskPayload("channels", "email, sms or push, not " + c.asText());
      }
    }
    return new SendRequest(
        text(p, "runId"),
        text(p, "journeyId"),
        text(p, "stepId"),
        text(p, "profileId"),
        channels,
        text(p, "template"),
        p.hasNonNull("topic") ? p.get("topic").asText() : null,
        p.get("data") instanceof ObjectNode data ? data : Json.object(),
        p.get("entry") instanceof ObjectNode entry ? entry : Json.object(),
        window(p.get("window")),
        templateVersion(p.get("templateVersion")),
        p.hasNonNull("codePool") ? text(p, "codePool") : null);
  }

  /** The pinned template version ({@code "3"} or 3), or null for the latest. */
  private static Integer templateVersion(JsonNode version) {
    if (version == null || version.isNull()) {
      return null;
    }
    try {
      int v = Integer.parseInt(version.asText());
      if (v >= 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new InvalidTaskPayload("templateVersion", "a version number (1, 2, ...)");
  }

  private static SendWindow window(JsonNode window) {
    if (window == null || window.isNull()) {
      return SendWindow.DEFAULT;
    }
    if (window.isTextual() && window.asText().equals("any")) {
      return SendWindow.ANY_TIME;
    }
    try {
      return new SendWindow(
          LocalTime.parse(window.path("from").asText()),
          LocalTime.parse(window.path("to").asText()));
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidTaskPayload("window", "\"any\" or {\"from\":\"09:00\",\"to\":\"20:00\"}");
    }
  }

  static EventMatcher matcher(JsonNode p) {
    List<FieldFilter> filters = new ArrayList<>();
    for (JsonNode f : p.path("filters")) {
      FilterOp op =
          FilterOp.fromKey(f.path("op").asText())
              .orElseThrow(
                  () ->
                      new InvalidTaskPayload(
                          "filters.op", "unknown operator " + f.path("op").asText()));
      filters.add(new FieldFilter(f.path("field").asText(), op, f.get("value")));
    }
    return new EventMatcher(text(p, "event"), filters);
  }
}
