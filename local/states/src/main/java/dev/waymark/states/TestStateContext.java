package dev.waymark.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** Validation of a caller-supplied TestState context object. */
final class TestStateContext {
  private static final Set<String> TOP = Set.of("Execution", "State", "StateMachine", "Task");
  private static final Set<String> EXECUTION =
      Set.of("Id", "Input", "Name", "RoleArn", "StartTime", "RedriveCount", "RedriveTime");

  private TestStateContext() {}

  static ObjectNode validate(JsonNode ctx, JsonNode state) {
    String res = state.path("Resource").asText("");
    boolean callback =
        res.endsWith(".sync") || res.endsWith(".sync:2") || res.endsWith(".waitForTaskToken");
    if (ctx.has("Task") && !(state.path("Type").asText().equals("Task") && callback)) {
      throw invalid(
          "Context object contains 'Task' when state is not a Task state with a '.sync' or "
              + "'.waitForTaskToken' service integration pattern");
    }
    if (!ctx.isObject()) {
      throw invalid("Context object must be a JSON object");
    }
    var it = ctx.fieldNames();
    while (it.hasNext()) {
      String k = it.next();
      if (k.equals("Map")) {
        throw invalid("'Map' field is not supported when mocking a Context object");
      }
      if (!TOP.contains(k)) {
        throw invalid("Field '" + k + "' is not allowed");
      }
    }
    JsonNode ex = ctx.path("Execution");
    var ef = ex.fieldNames();
    while (ef.hasNext()) {
      String k = ef.next();
      if (!EXECUTION.contains(k)) {
        throw invalid("Field '" + k + "' is not allowed");
      }
    }
    if (ex.has("Id") && !ex.get("Id").isTextual()) {
      throw invalid("Execution.Id must be a string");
    }
    return (ObjectNode) ctx;
  }

  private static StatesApiException invalid(String what) {
    return new StatesApiException(
        "ValidationException", "Invalid Context object provided: " + what);
  }
}
