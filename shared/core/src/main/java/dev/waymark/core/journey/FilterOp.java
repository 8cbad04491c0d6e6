package dev.waymark.core.journey;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/** The comparisons an entry, wait or goal filter can make on one field. */
public enum FilterOp {
  EQUALS("equals"),
  NOT_EQUALS("notEquals"),
  CONTAINS("contains"),
  STARTS_WITH("startsWith"),
  GREATER_THAN("greaterThan"),
  LESS_THAN("lessThan"),
  EXISTS("exists"),
  IN("in");

  private final String key;

  FilterOp(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<FilterOp> fromKey(String key) {
    return Arrays.stream(values()).filter(op -> op.key.equals(key)).findFirst();
  }

  /** Applies the comparison; {@code actual} is null when the field is missing. */
  public boolean test(JsonNode actual, JsonNode expected) {
    boolean present = actual != null && !actual.isNull() && !actual.isMissingNode();
    return switch (this) {
      case EXISTS -> present == (expected == null || expected.asBoolean(true));
      case EQUALS -> present && same(actual, expected);
      case NOT_EQUALS -> !present || !same(actual, expected);
      case CONTAINS -> present && contains(actual, expected);
      case STARTS_WITH ->
          present && actual.isTextual() && actual.asText().startsWith(expected.asText());
      case GREATER_THAN -> present && compare(actual, expected) > 0;
      case LESS_THAN -> present && compare(actual, expected) < 0;
      case IN -> present && expected.isArray() && stream(expected).anyMatch(e -> same(actual, e));
    };
  }

  private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false);
  }

  static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  private static boolean contains(JsonNode actual, JsonNode expected) {
    if (actual.isArray()) {
      return stream(actual).anyMatch(e -> same(e, expected));
    }
    return actual.isTextual() && actual.asText().contains(expected.asText());
  }

  /**
   * Numbers compare numerically (numeric text too); other text compares as text (ISO dates sort
   * so).
   */
  private static int compare(JsonNode actual, JsonNode expected) {
    Optional<BigDecimal> a = number(actual);
    Optional<BigDecimal> b = number(expected);
    if (a.isPresent() && b.isPresent()) {
      return a.get().compareTo(b.get());
    }
    return actual.asText().compareTo(expected.asText());
  }

  private static Optional<BigDecimal> number(JsonNode node) {
    if (node.isNumber()) {
      return Optional.of(node.decimalValue());
    }
    try {
      return node.isTextual()
          ? Optional.of(new BigDecimal(node.asText().trim()))
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
