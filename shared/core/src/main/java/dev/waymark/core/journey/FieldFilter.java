package dev.waymark.core.journey;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One condition on a dotted field of the match subject: {@code name}, {@code properties.price},
 * {@code traits.leaseEnd}, {@code context.app.version}.
 */
public record FieldFilter(String field, FilterOp op, JsonNode value) {

  public boolean test(JsonNode subject) {
    return op.test(resolve(subject, field), value);
  }

  /** The value at a dotted path of {@code subject}, or null. */
  public static JsonNode resolve(JsonNode subject, String dotted) {
    JsonNode current = subject;
    for (String part : dotted.split("\\.")) {
      if (current == null) {
        return null;
      }
      current = current.get(part);
    }
    return current;
  }
}
