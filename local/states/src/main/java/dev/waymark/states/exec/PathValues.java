package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.json.Json;
import dev.waymark.states.path.JsonPaths;
import dev.waymark.states.path.PathResolver;
import java.math.BigDecimal;

/**
 * Reads the numeric {@code *Path} fields (MaxConcurrencyPath, ToleratedFailureCountPath,
 * ToleratedFailurePercentagePath, TimeoutSecondsPath, HeartbeatSecondsPath, MaxItemsPerBatchPath,
 * MaxInputBytesPerBatchPath) the way AWS does: a path that selects nothing is {@code Invalid path
 * '<path>' : <reason>}, and the selected value is parsed from its text, so a JSON number and a
 * string holding the same number are equivalent ({@code "5"} is a valid integer, {@code "NoNumber"}
 * and {@code 1.5} are not).
 */
final class PathValues {
  private PathValues() {}

  /** Resolves {@code path}; a path that selects nothing fails with States.Runtime. */
  static JsonNode resolve(StateRun r, JsonNode eff, String path) {
    try {
      return PathResolver.resolve(path, r.evalContext(eff));
    } catch (JsonPaths.PathMissing e) {
      throw new StatesFailure("States.Runtime", "Invalid path '" + path + "' : " + e.getMessage());
    }
  }

  /** The value as AWS prints it in causes: strings without quotes, anything else as JSON. */
  static String shown(JsonNode v) {
    return v.isTextual() ? v.textValue() : Json.write(v);
  }

  /** The value as a long when its text is an integer (e.g. 5 or "5"), else null. */
  static Long integer(JsonNode v) {
    String text = v.isTextual() ? v.textValue() : v.isIntegralNumber() ? v.asText() : null;
    if (text == null) {
      return null;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The value as a finite decimal when its text is a number (e.g. 1.5 or "1.5"), else null. */
  static Double decimal(JsonNode v) {
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (!v.isTextual()) {
      return null;
    }
    try {
      return new BigDecimal(v.textValue().trim()).doubleValue();
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * An integer read from {@code pathField}: AWS's "The <field> field refers to value "<v>" which is
   * not a valid integer: <path>" when it is not one.
   */
  static long integerField(StateRun r, JsonNode eff, String pathField) {
    return integerAt(r, eff, pathField, r.field(pathField).asText());
  }

  /** As {@link #integerField} for a path field nested in another field (e.g. ItemBatcher). */
  static long integerAt(StateRun r, JsonNode eff, String pathField, String path) {
    JsonNode v = resolve(r, eff, path);
    Long n = integer(v);
    if (n == null) {
      throw new StatesFailure(
          "States.Runtime",
          "The "
              + pathField
              + " field refers to value \""
              + shown(v)
              + "\" which is not a valid integer: "
              + path);
    }
    return n;
  }
}
