package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.states.asl.Definition;
import dev.waymark.states.json.Json;
import dev.waymark.states.jsonata.JsonataEval;
import dev.waymark.states.path.EvalContext;
import java.time.Instant;

/**
 * Everything about one state being run: definition, input, entered event, retry count, task token.
 */
final class StateRun {
  final Frame frame;
  final Definition def;
  final String name;
  final JsonNode state;
  final String type;
  final boolean jsonata;
  final JsonNode input;
  long enteredEventId;

  /** previousEventId of this state's Entered event (EvaluationFailed reuses it, as AWS does). */
  long enteredPrevious;

  Instant enteredTime;
  int retryCount;
  String taskToken;
  TestHooks test;

  void inspect(String key, JsonNode value) {
    if (test != null) {
      test.inspect(key, value);
    }
  }

  StateRun(Frame frame, Definition def, String name, JsonNode input) {
    this.frame = frame;
    this.def = def;
    this.name = name;
    this.state = def.state(name);
    this.type = state.path("Type").asText();
    this.jsonata = Definition.JSONATA.equals(def.languageOf(state));
    this.input = input;
  }

  JsonNode field(String f) {
    return state.get(f);
  }

  boolean has(String f) {
    return state.has(f);
  }

  /** The full context object ($$ / $states.context) as seen by this state now. */
  ObjectNode context() {
    ObjectNode ctx = frame.exec.contextBase();
    if (ctx.has("State")) {
      if (frame.mapItem != null) {
        ctx.putObject("Map").set("Item", frame.mapItem);
      }
      return ctx;
    }
    ObjectNode st = ctx.putObject("State");
    st.put("EnteredTime", Json.isoMillis(enteredTime == null ? frame.rt.clock.now() : enteredTime));
    st.put("Name", frame.exec.stateNameOverride != null ? frame.exec.stateNameOverride : name);
    if (type.equals("Task") || type.equals("Map") || type.equals("Parallel")) {
      st.put("RetryCount", retryCount);
    }
    if (frame.mapItem != null) {
      ctx.putObject("Map").set("Item", frame.mapItem);
    }
    if (taskToken != null) {
      ctx.putObject("Task").put("Token", taskToken);
    }
    return ctx;
  }

  EvalContext evalContext(JsonNode dollar) {
    return new EvalContext(dollar, context(), frame.vars::get);
  }

  JsonataEval.Bindings bindings(JsonNode in, JsonNode result, JsonNode errorOutput) {
    ObjectNode states = Json.object();
    states.set("input", in);
    states.set("context", context());
    if (result != null) {
      states.set("result", result);
    }
    if (errorOutput != null) {
      states.set("errorOutput", errorOutput);
    }
    return new JsonataEval.Bindings(states, frame.vars.all(), frame.rt.clock.now());
  }

  /** Evaluates a JSONata-mode field value (expression or template) with the given $states. */
  JsonNode jsonata(
      JsonNode template, String field, JsonNode in, JsonNode result, JsonNode errorOutput) {
    return JsonataEval.template(template, field, bindings(in, result, errorOutput), name);
  }

  String causePrefix() {
    return "An error occurred while executing the state '"
        + name
        + "' (entered at the event id #"
        + enteredEventId
        + "). ";
  }
}
