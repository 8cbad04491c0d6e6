package dev.waymark.states.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/** Shared Jackson helpers. */
public final class Json {
  public static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  public static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);

  private Json() {}

  public static ObjectNode object() {
    return F.objectNode();
  }

  public static ArrayNode array() {
    return F.arrayNode();
  }

  public static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }

  /** Compact JSON text of a node (AWS style, no spaces). */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final java.time.format.DateTimeFormatter ISO_MILLIS =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
          .withZone(java.time.ZoneOffset.UTC);

  /** ISO-8601 UTC with milliseconds, as the context object's StartTime/EnteredTime. */
  public static String isoMillis(java.time.Instant t) {
    return ISO_MILLIS.format(t);
  }

  /** Epoch seconds with millisecond fraction: how the AWS JSON protocol writes timestamps. */
  public static JsonNode epochSeconds(java.time.Instant t) {
    return F.numberNode(BigDecimal.valueOf(t.toEpochMilli(), 3));
  }

  public static int utf8Size(JsonNode node) {
    return write(node).getBytes(StandardCharsets.UTF_8).length;
  }

  /**
   * Number node with integral values normalised to long/BigInteger (like JSON without a fraction).
   */
  public static JsonNode number(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    if (s.scale() <= 0) {
      try {
        return F.numberNode(s.longValueExact());
      } catch (ArithmeticException e) {
        return F.numberNode(s.toBigIntegerExact());
      }
    }
    return F.numberNode(d);
  }

  /** AWS-style type name used in error messages. */
  public static String typeName(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "undefined";
    }
    return switch (n.getNodeType()) {
      case ARRAY -> "array";
      case OBJECT -> "object";
      case STRING -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case NULL -> "null";
      default -> n.getNodeType().name().toLowerCase();
    };
  }

  /** Structural equality treating 1 and 1.0 as equal. */
  public static boolean equalsLoose(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!equalsLoose(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      var it = a.fieldNames();
      while (it.hasNext()) {
        String k = it.next();
        if (!b.has(k) || !equalsLoose(a.get(k), b.get(k))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }
}
