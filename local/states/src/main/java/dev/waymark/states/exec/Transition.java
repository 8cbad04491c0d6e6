package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The result of running one state: its output, the next state (null at the end) and variables to
 * assign.
 */
record Transition(JsonNode output, String next, Map<String, JsonNode> assigned) {
  static Transition of(JsonNode output, String next) {
    return new Transition(output, next, Map.of());
  }
}
