package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.path.EvalContext;
import dev.waymark.states.path.JsonPaths;
import dev.waymark.states.path.PathResolver;
import java.time.Instant;
import java.util.Iterator;

/** Evaluates JSONPath-mode Choice rules (comparison operators, And/Or/Not). */
final class ChoiceRules {
  private ChoiceRules() {}

  static boolean matches(JsonNode rule, EvalContext ctx) {
    if (rule.has("And")) {
      for (JsonNode r : rule.get("And")) {
        if (!matches(r, ctx)) {
          return false;
        }
      }
      return true;
    }
    if (rule.has("Or")) {
      for (JsonNode r : rule.get("Or")) {
        if (matches(r, ctx)) {
          return true;
        }
      }
      return false;
    }
    if (rule.has("Not")) {
      return !matches(rule.get("Not"), ctx);
    }
    String variable = rule.path("Variable").asText();
    JsonNode value = lookup(variable, ctx);
    Iterator<String> names = rule.fieldNames();
    while (names.hasNext()) {
      String op = names.next();
      if (!op.equals("Variable")
          && !op.equals("Next")
          && !op.equals("Assign")
          && !op.equals("Output")
          && !op.equals("Comment")) {
        if (value == null && !op.equals("IsPresent")) {
          throw invalidPath(variable);
        }
        return compare(op, value, rule.get(op), ctx);
      }
    }
    return false;
  }

  /** AWS fails the state (States.Runtime) when a comparison's path selects nothing. */
  private static StatesFailure invalidPath(String path) {
    return new StatesFailure(
        "States.Runtime",
        "Invalid path '"
            + path
            + "': The choice state's condition path references an invalid value.");
  }

  private static JsonNode lookup(String path, EvalContext ctx) {
    try {
      return PathResolver.resolve(path, ctx);
    } catch (JsonPaths.PathMissing e) {
      return null;
    }
  }

  private static boolean compare(String op, JsonNode v, JsonNode operand, EvalContext ctx) {
    if (op.equals("IsPresent")) {
      return (v != null) == operand.asBoolean();
    }
    if (v == null) {
      return false;
    }
    JsonNode other = operand;
    String base = op;
    if (op.endsWith("Path") && !op.startsWith("Is")) {
      base = op.substring(0, op.length() - 4);
      other = lookup(operand.asText(), ctx);
      if (other == null) {
        throw invalidPath(operand.asText());
      }
    }
    return switch (base) {
      case "IsNull" -> v.isNull() == operand.asBoolean();
      case "IsNumeric" -> v.isNumber() == operand.asBoolean();
      case "IsString" -> v.isTextual() == operand.asBoolean();
      case "IsBoolean" -> v.isBoolean() == operand.asBoolean();
      case "IsTimestamp" ->
          (v.isTextual() && WaitState.tryParse(v.textValue()) != null) == operand.asBoolean();
      case "BooleanEquals" ->
          v.isBoolean() && other.isBoolean() && v.booleanValue() == other.booleanValue();
      case "StringMatches" ->
          v.isTextual() && other.isTextual() && wildcard(v.textValue(), other.textValue());
      default -> ordered(base, v, other);
    };
  }

  private static boolean ordered(String op, JsonNode v, JsonNode other) {
    Integer cmp;
    String rel;
    if (op.startsWith("String")) {
      cmp =
          v.isTextual() && other.isTextual()
              ? Integer.valueOf(v.textValue().compareTo(other.textValue()))
              : null;
      rel = op.substring(6);
    } else if (op.startsWith("Numeric")) {
      cmp =
          v.isNumber() && other.isNumber()
              ? Integer.valueOf(v.decimalValue().compareTo(other.decimalValue()))
              : null;
      rel = op.substring(7);
    } else if (op.startsWith("Timestamp")) {
      Instant a = v.isTextual() ? WaitState.tryParse(v.textValue()) : null;
      Instant b = other.isTextual() ? WaitState.tryParse(other.textValue()) : null;
      cmp = a != null && b != null ? Integer.valueOf(a.compareTo(b)) : null;
      rel = op.substring(9);
    } else {
      return false;
    }
    if (cmp == null) {
      return false;
    }
    return switch (rel) {
      case "Equals" -> cmp == 0;
      case "LessThan" -> cmp < 0;
      case "GreaterThan" -> cmp > 0;
      case "LessThanEquals" -> cmp <= 0;
      case "GreaterThanEquals" -> cmp >= 0;
      default -> false;
    };
  }

  /** StringMatches: '*' matches any run of characters; '\*' and '\\' are literals. */
  static boolean wildcard(String s, String pattern) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        re.append(java.util.regex.Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '*') {
        re.append(".*");
      } else {
        re.append(java.util.regex.Pattern.quote(String.valueOf(c)));
      }
    }
    return s.matches("(?s)" + re);
  }
}
