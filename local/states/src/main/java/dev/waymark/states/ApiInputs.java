package dev.waymark.states;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.json.Json;
import java.util.regex.Pattern;

/** Checks of the values every group of operations takes: resource names and execution input. */
final class ApiInputs {
  private static final Pattern INVALID_NAME_CHARS =
      Pattern.compile("[\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\p{Cntrl}]");

  private ApiInputs() {}

  /**
   * AWS name rules for executions, state machines and activities: 1-80 characters, no
   * whitespace/wildcards/specials.
   */
  static String validName(String name) {
    if (name.isEmpty() || name.length() > 80 || INVALID_NAME_CHARS.matcher(name).find()) {
      throw new StatesApiException("InvalidName", "Invalid Name: '" + name + "'");
    }
    return name;
  }

  /** Execution input as JSON text; null is the empty object. */
  static JsonNode parseInput(String input) {
    if (input == null) {
      return Json.object();
    }
    if (input.isBlank()) {
      throw new StatesApiException(
          "InvalidExecutionInput",
          "Invalid State Machine Execution Input: 'Invalid execution input.'");
    }
    try {
      return Json.parse(input);
    } catch (IllegalArgumentException e) {
      throw new StatesApiException(
          "InvalidExecutionInput",
          "Invalid State Machine Execution Input: '" + e.getMessage() + "'");
    }
  }
}
