package dev.waymark.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.identity.Identifiers;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.json.Json;
import dev.waymark.core.problem.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The content rules of one event that the JSON Schema cannot say (docs/api.md#limits): every
 * identifier valid (length, Unicode, no control characters, visible once normalised), no unpaired
 * surrogate anywhere, reserved event names and the reserved context key refused, and at most {@link
 * #MAX_EVENT_TRAITS_BYTES} of traits.
 */
final class EventContentRules {
  /** The traits of one event ({@code traits}, or {@code context.traits}) as JSON, in bytes. */
  static final int MAX_EVENT_TRAITS_BYTES = 16 * 1024;

  private EventContentRules() {}

  /** Adds the problems of {@code event} (at pointer {@code at}) to {@code errors}. */
  static void check(JsonNode event, String at, List<FieldError> errors) {
    Optional<String> unpaired = firstUnpairedSurrogate(event, at);
    if (unpaired.isPresent()) {
      errors.add(new FieldError(unpaired.get(), "is not valid Unicode: an unpaired surrogate"));
      return; // the other checks would only repeat it
    }
    id(event.get("messageId"), 100, at + "/messageId", errors);
    identity(event.get("userId"), IdentityNamespace.USER_ID, at + "/userId", errors);
    identity(event.get("anonymousId"), IdentityNamespace.ANONYMOUS_ID, at + "/anonymousId", errors);
    identity(event.get("previousId"), IdentityNamespace.USER_ID, at + "/previousId", errors);
    id(event.get("groupId"), Identifiers.MAX_ID_CHARS, at + "/groupId", errors);
    for (Map.Entry<String, JsonNode> named : event.path("identities").properties()) {
      IdentityNamespace.fromKey(named.getKey())
          .ifPresent(
              ns -> identity(named.getValue(), ns, at + "/identities/" + named.getKey(), errors));
    }
    String traitsAt = event.has("traits") ? "/traits" : "/context/traits";
    JsonNode traits = event.at(traitsAt);
    if ("identify".equals(event.path("type").asText())) {
      identity(traits.get("email"), IdentityNamespace.EMAIL, at + traitsAt + "/email", errors);
      identity(traits.get("phone"), IdentityNamespace.PHONE, at + traitsAt + "/phone", errors);
    }
    for (String field : List.of("/traits", "/context/traits")) {
      JsonNode node = event.at(field);
      if (!node.isMissingNode() && bytes(node) > MAX_EVENT_TRAITS_BYTES) {
        errors.add(
            new FieldError(
                at + field,
                "traits may be at most "
                    + MAX_EVENT_TRAITS_BYTES
                    + " bytes as JSON per event; these are "
                    + bytes(node)));
      }
    }
    reserved(event, at, errors);
  }

  private static void reserved(JsonNode event, String at, List<FieldError> errors) {
    JsonNode name = event.get("event");
    if ("track".equals(event.path("type").asText())
        && name != null
        && ReservedEvents.reserved(name.asText())) {
      errors.add(
          new FieldError(
              at + "/event",
              "\""
                  + name.asText()
                  + "\" is reserved: Waymark emits this event itself; use another name"));
    }
    if (event.path("context").has(ReservedEvents.CONTEXT_KEY)) {
      errors.add(
          new FieldError(
              at + "/context/" + ReservedEvents.CONTEXT_KEY,
              "is reserved for events Waymark emits itself"));
    }
  }

  private static void identity(
      JsonNode value, IdentityNamespace ns, String field, List<FieldError> errors) {
    if (value != null && value.isTextual()) {
      Identifiers.problem(ns, value.asText()).ifPresent(m -> errors.add(new FieldError(field, m)));
    }
  }

  private static void id(JsonNode value, int maxChars, String field, List<FieldError> errors) {
    if (value != null && value.isTextual()) {
      Identifiers.problem(value.asText(), maxChars)
          .ifPresent(m -> errors.add(new FieldError(field, m)));
    }
  }

  private static int bytes(JsonNode node) {
    return Json.write(node).getBytes(StandardCharsets.UTF_8).length;
  }

  /** The pointer of the first field name or text with an unpaired surrogate, if any. */
  static Optional<String> firstUnpairedSurrogate(JsonNode node, String at) {
    if (node.isTextual()) {
      return unpaired(node.asText()) ? Optional.of(at) : Optional.empty();
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<String> found = firstUnpairedSurrogate(node.get(i), at + "/" + i);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String pointer = at + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
      if (unpaired(field.getKey())) {
        return Optional.of(pointer);
      }
      Optional<String> found = firstUnpairedSurrogate(field.getValue(), pointer);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static boolean unpaired(String text) {
    return Identifiers.unpairedSurrogateAt(text) >= 0;
  }
}
