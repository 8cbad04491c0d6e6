package dev.waymark.functions.journeytasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.journey.FieldFilter;
import dev.waymark.core.journey.FilterOp;
import dev.waymark.core.journey.Span;
import dev.waymark.core.journey.language.Step;
import dev.waymark.core.journey.steps.StepContext;
import dev.waymark.core.journey.steps.Webhooks;
import dev.waymark.core.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the steps task's payloads ({@code docs/journeys.md}, "the steps task"): the run and step
 * every action carries, and each action's fields. A wrong field fails the task naming it.
 */
final class StepPayloads {
  static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
  static final Duration MAX_TIMEOUT = Duration.ofSeconds(30);

  private StepPayloads() {}

  static StepContext context(JsonNode p) {
    return new StepContext(
        TaskPayloads.text(p, "runId"),
        TaskPayloads.text(p, "journeyId"),
        p.path("version").isValueNode() ? p.path("version").asText("unversioned") : "unversioned",
        TaskPayloads.text(p, "profileId"),
        TaskPayloads.text(p, "stepId"),
        p.get("entry") instanceof ObjectNode entry ? entry : Json.object(),
        iteration(p));
  }

  private static int iteration(JsonNode p) {
    JsonNode i = p.get("iteration");
    if (i == null || i.isNull()) {
      return 0;
    }
    if (!i.canConvertToInt() || i.asInt() < 0) {
      throw new TaskPayloads.InvalidTaskPayload("iteration", "a whole number from 0");
    }
    return i.asInt();
  }

  static Step.Until until(JsonNode p) {
    JsonNode u = p.path("until");
    if (!u.isObject()) {
      throw new TaskPayloads.InvalidTaskPayload("until", "required object");
    }
    Optional<LocalTime> timeOfDay = optionalText(u, "timeOfDay").map(t -> time(t));
    Optional<String> date = optionalText(u, "date");
    Optional<Span> offset =
        optionalText(u, "offset")
            .map(
                o ->
                    Span.parse(o)
                        .orElseThrow(
                            () ->
                                new TaskPayloads.InvalidTaskPayload(
                                    "until.offset", "an ISO-8601 duration or period")));
    Optional<Instant> instant = optionalText(u, "instant").map(StepPayloads::instant);
    if (timeOfDay.isEmpty() && date.isEmpty() && instant.isEmpty()) {
      throw new TaskPayloads.InvalidTaskPayload("until", "one of timeOfDay, date, instant");
    }
    return new Step.Until(timeOfDay, date, offset, instant);
  }

  static List<Step.Condition> conditions(JsonNode p) {
    List<Step.Condition> conditions = new ArrayList<>();
    for (JsonNode c : p.path("conditions")) {
      Optional<String> next = optionalText(c, "next");
      if (c.hasNonNull("trait")) {
        conditions.add(
            new Step.TraitCondition(c.get("trait").asText(), op(c), c.get("value"), next));
      } else if (c.hasNonNull("entry")) {
        conditions.add(
            new Step.EntryCondition(
                new FieldFilter(c.get("entry").asText(), op(c), c.get("value")), next));
      } else if (c.hasNonNull("segment")) {
        conditions.add(
            new Step.SegmentCondition(
                c.get("segment").asText(), c.path("member").asBoolean(true), next));
      } else if (c.hasNonNull("message")) {
        conditions.add(new Step.MessageCondition(c.get("message").asText(), engagement(c), next));
      } else {
        throw new TaskPayloads.InvalidTaskPayload(
            "conditions", "each condition has trait, entry, segment or message");
      }
    }
    return conditions;
  }

  static List<Step.Variant> variants(JsonNode p) {
    List<Step.Variant> variants = new ArrayList<>();
    for (JsonNode v : p.path("variants")) {
      if (!v.path("percent").canConvertToInt() || v.path("percent").asInt() < 0) {
        throw new TaskPayloads.InvalidTaskPayload("variants.percent", "a whole number 0..100");
      }
      variants.add(
          new Step.Variant(
              TaskPayloads.text(v, "name"), v.get("percent").asInt(), optionalText(v, "next")));
    }
    if (variants.stream().mapToInt(Step.Variant::percent).sum() != 100) {
      throw new TaskPayloads.InvalidTaskPayload("variants", "percents that add up to 100");
    }
    return variants;
  }

  static Map<String, JsonNode> set(JsonNode p) {
    Map<String, JsonNode> set = new LinkedHashMap<>();
    p.path("set").fields().forEachRemaining(f -> set.put(f.getKey(), f.getValue()));
    return set;
  }

  static Map<String, Double> increment(JsonNode p) {
    Map<String, Double> increment = new LinkedHashMap<>();
    p.path("increment")
        .fields()
        .forEachRemaining(
            f -> {
              if (!f.getValue().isNumber()) {
                throw new TaskPayloads.InvalidTaskPayload(
                    "increment." + f.getKey(), "a number to add");
              }
              increment.put(f.getKey(), f.getValue().asDouble());
            });
    return increment;
  }

  static Webhooks.Call webhook(JsonNode p) {
    String method = p.path("method").asText("POST").toUpperCase(java.util.Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw new TaskPayloads.InvalidTaskPayload("method", "GET, POST, PUT, PATCH or DELETE");
    }
    long timeout = p.path("timeoutSeconds").asLong(10);
    if (timeout <= 0 || timeout > MAX_TIMEOUT.getSeconds()) {
      throw new TaskPayloads.InvalidTaskPayload("timeoutSeconds", "1..30 seconds");
    }
    int retries = p.path("retries").asInt(0);
    if (retries < 0 || retries > 5) {
      throw new TaskPayloads.InvalidTaskPayload("retries", "0..5");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    p.path("headers")
        .fields()
        .forEachRemaining(f -> headers.put(f.getKey(), f.getValue().asText()));
    return new Webhooks.Call(
        method,
        TaskPayloads.text(p, "url"),
        headers,
        optionalText(p, "body"),
        Duration.ofSeconds(timeout),
        retries,
        p.get("data") instanceof ObjectNode data ? data : Json.object());
  }

  private static FilterOp op(JsonNode c) {
    String key = c.path("op").asText();
    return FilterOp.fromKey(key)
        .orElseThrow(
            () -> new TaskPayloads.InvalidTaskPayload("conditions.op", "unknown operator " + key));
  }

  private static Step.Engagement engagement(JsonNode c) {
    try {
      return Step.Engagement.valueOf(c.path("status").asText());
    } catch (IllegalArgumentException e) {
      throw new TaskPayloads.InvalidTaskPayload(
          "conditions.status", "delivered, opened or clicked");
    }
  }

  private static Optional<String> optionalText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  private static LocalTime time(String text) {
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      throw new TaskPayloads.InvalidTaskPayload("until.timeOfDay", "HH:MM");
    }
  }

  private static Instant instant(String text) {
    try {
      return java.time.OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new TaskPayloads.InvalidTaskPayload("until.instant", "an ISO-8601 instant");
    }
  }
}
