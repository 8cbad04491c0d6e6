package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.json.Json;
import dev.waymark.states.path.JsonPaths;
import dev.waymark.states.path.PayloadTemplate;

/** Pass, Succeed and Fail. */
final class SimpleStates {
  private SimpleStates() {}

  static String next(StateRun r) {
    return r.state.path("End").asBoolean(false) ? null : r.state.path("Next").asText(null);
  }

  static Transition pass(StateRun r) {
    if (r.jsonata) {
      return Io.finish(r, null, r.input, next(r));
    }
    JsonNode eff = Io.effectiveInput(r);
    JsonNode result;
    if (r.has("Result")) {
      result = r.field("Result");
      if (r.test != null && r.test.inspection != null) {
        r.test.inspection.remove("afterInputPath");
        r.inspect("result", result);
      }
    } else {
      result = Io.parameters(r, eff);
    }
    return Io.finish(r, result, eff, next(r));
  }

  static Transition succeed(StateRun r) {
    if (r.jsonata) {
      return Io.finish(r, null, r.input, null);
    }
    JsonNode eff = Io.effectiveInput(r);
    return new Transition(Io.outputPath(r, eff), null, java.util.Map.of());
  }

  static Transition fail(StateRun r) {
    if (!r.jsonata) {
      r.inspect("afterInputPath", r.input);
    }
    String error = text(r, "Error", "ErrorPath");
    String cause = text(r, "Cause", "CausePath");
    throw new StatesFailure(error, cause);
  }

  private static String text(StateRun r, String field, String pathField) {
    if (r.has(field)) {
      JsonNode v = r.field(field);
      if (r.jsonata) {
        v = r.jsonata(v, field, r.input, null, null);
      }
      return v.isTextual() ? v.textValue() : Json.write(v);
    }
    if (!r.has(pathField)) {
      return null;
    }
    String path = r.field(pathField).asText();
    JsonNode v;
    try {
      v = PayloadTemplate.evaluate(path, pathField, r.evalContext(r.input));
    } catch (StatesFailure | JsonPaths.PathMissing e) {
      throw new StatesFailure(
          "States.Runtime",
          "The JSONPath '"
              + path
              + "' specified for the field '"
              + pathField
              + "' could not be found in the input '"
              + Json.write(r.input)
              + "'");
    }
    return v.isTextual() ? v.textValue() : Json.write(v);
  }
}
