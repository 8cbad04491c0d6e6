package dev.waymark.core.journey.language;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.journey.EventMatcher;
import dev.waymark.core.journey.FieldFilter;
import dev.waymark.core.journey.FilterOp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads filters ({@code {field, op, value}}) and "event with filters" matchers. */
final class Filters {
  static final String OPS =
      Arrays.stream(FilterOp.values()).map(FilterOp::key).collect(Collectors.joining(", "));
  private static final Set<String> FILTER_FIELDS = Set.of("field", "op", "value");

  private Filters() {}

  /** The list under {@code filters}, each {@code {field, op, value}}. */
  static List<FieldFilter> list(Cursor filters) {
    List<FieldFilter> result = new ArrayList<>();
    for (Cursor item : filters.items()) {
      if (!item.object()) {
        continue;
      }
      item.onlyFields(FILTER_FIELDS, "a filter");
      Optional<String> field =
          item.field("field").required()
              ? item.field("field")
                  .text(Cursor.DOTTED, "must be a dotted field such as properties.price")
              : Optional.empty();
      Optional<FilterOp> op = op(item.field("op"), item.field("value"));
      if (field.isPresent() && op.isPresent()) {
        result.add(new FieldFilter(field.get(), op.get(), item.node().get("value")));
      }
    }
    return result;
  }

  /**
   * The operator at {@code op} and a {@code value} that suits it: required except for {@code
   * exists} (where it is true or false), a list for {@code in}.
   */
  static Optional<FilterOp> op(Cursor op, Cursor value) {
    if (!op.required()) {
      return Optional.empty();
    }
    Optional<FilterOp> parsed = op.text().flatMap(FilterOp::fromKey);
    if (parsed.isEmpty()) {
      if (op.node().isTextual()) {
        op.fail("\"" + op.node().asText() + "\" is not an operator: one of " + OPS);
      }
      return Optional.empty();
    }
    JsonNode v = value.node();
    switch (parsed.get()) {
      case EXISTS -> {
        if (v != null && !v.isBoolean()) {
          value.fail("must be true or false for exists");
          return Optional.empty();
        }
      }
      case IN -> {
        if (v == null || !v.isArray()) {
          value.fail("must be a list for in");
          return Optional.empty();
        }
      }
      default -> {
        if (v == null || v.isNull() || v.isContainerNode()) {
          value.fail("must be a text, number or true/false value for " + parsed.get().key());
          return Optional.empty();
        }
      }
    }
    return parsed;
  }

  /** {@code event} (required) and optional {@code filters} of a mapping. */
  static Optional<EventMatcher> matcher(Cursor at) {
    Optional<String> event = at.field("event").requiredText();
    List<FieldFilter> filters = list(at.field("filters"));
    return event.map(e -> new EventMatcher(e, filters));
  }
}
