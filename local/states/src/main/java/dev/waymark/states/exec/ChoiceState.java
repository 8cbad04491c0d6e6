package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.jsonata.JsonataEval;

/** The Choice state in both query languages. */
final class ChoiceState {
  private ChoiceState() {}

  static Transition run(StateRun r) {
    JsonNode eff = Io.effectiveInput(r);
    int i = 0;
    for (JsonNode rule : r.state.path("Choices")) {
      if (matches(r, rule, eff, i++)) {
        return Io.finish(r, rule, null, eff, null, rule.path("Next").asText());
      }
    }
    if (r.has("Default")) {
      return Io.finish(r, r.state, null, eff, null, r.field("Default").asText());
    }
    throw new StatesFailure("States.NoChoiceMatched", "No Matches!");
  }

  private static boolean matches(StateRun r, JsonNode rule, JsonNode eff, int index) {
    if (!r.jsonata) {
      return ChoiceRules.matches(rule, r.evalContext(eff));
    }
    String field = "Choices/" + index + "/Condition";
    JsonNode cond = rule.get("Condition");
    JsonNode v = cond.isBoolean() ? cond : r.jsonata(cond, field, r.input, null, null);
    if (!v.isBoolean()) {
      throw JsonataEval.queryError(
          JsonataEval.expressionText(cond.asText()),
          field,
          "returned an unexpected result type. Expected 'boolean', but was '"
              + dev.waymark.states.json.Json.typeName(v)
              + "' for value: "
              + v);
    }
    return v.booleanValue();
  }
}
