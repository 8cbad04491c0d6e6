package dev.waymark.states.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.StatesApiException;

/**
 * Reads request members the way the service validates them (ValidationException for a missing
 * member).
 */
final class Req {
  private Req() {}

  static String required(JsonNode body, String member) {
    String v = optional(body, member);
    if (v == null) {
      throw new StatesApiException(
          "ValidationException",
          "1 validation error detected: Value null at '"
              + member
              + "' failed to satisfy constraint: Member must not be null");
    }
    return v;
  }

  static String optional(JsonNode body, String member) {
    JsonNode n = body.get(member);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw new StatesApiException(
          "SerializationException", "Member '" + member + "' must be a string");
    }
    return n.asText();
  }

  static boolean flag(JsonNode body, String member) {
    return body.path(member).asBoolean(false);
  }

  /** maxResults: 0 or absent means the default; otherwise 1..1000. */
  static int maxResults(JsonNode body, int defaultSize) {
    int n = body.path("maxResults").asInt(0);
    if (n < 0 || n > 1000) {
      throw new StatesApiException(
          "ValidationException",
          "1 validation error detected: Value '"
              + n
              + "' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal"
              + " to 1000");
    }
    return n == 0 ? defaultSize : n;
  }

  /**
   * An enum member: null when absent, otherwise one of {@code type}'s constants (a
   * ValidationException naming the member otherwise; {@code valueSet} is appended to the message as
   * the service does for that member, e.g. {@code ": [STANDARD, EXPRESS]"} or nothing).
   */
  static <E extends Enum<E>> E enumValue(
      JsonNode body, String member, Class<E> type, String valueSet) {
    String value = optional(body, member);
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new StatesApiException(
          "ValidationException",
          "1 validation error detected: Value '"
              + value
              + "' at '"
              + member
              + "' failed to satisfy constraint: Member must satisfy enum value set"
              + valueSet);
    }
  }
}
