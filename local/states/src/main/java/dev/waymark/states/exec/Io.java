package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.json.Json;
import dev.waymark.states.path.JsonPaths;
import dev.waymark.states.path.PathResolver;
import dev.waymark.states.path.PayloadTemplate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Input/output processing of a state in both query languages. */
final class Io {
  private Io() {}

  /** JSONPath InputPath (JSONata: the raw input). */
  static JsonNode effectiveInput(StateRun r) {
    if (r.jsonata) {
      return r.input;
    }
    JsonNode eff = r.has("InputPath") ? selectPath(r, r.field("InputPath"), r.input) : r.input;
    r.inspect("afterInputPath", eff);
    return eff;
  }

  /** Parameters (JSONPath, on the effective input) or Arguments (JSONata, on the raw input). */
  static JsonNode parameters(StateRun r, JsonNode effInput) {
    if (r.jsonata) {
      JsonNode args =
          r.has("Arguments")
              ? r.jsonata(r.field("Arguments"), "Arguments", r.input, null, null)
              : effInput;
      if (r.has("Arguments") && r.type.equals("Task")) {
        r.inspect("afterArguments", args);
      }
      return args;
    }
    return template(r, "Parameters", effInput, "afterParameters");
  }

  static JsonNode resultSelector(StateRun r, JsonNode result) {
    return r.jsonata ? result : template(r, "ResultSelector", result, "afterResultSelector");
  }

  /**
   * The JSONPath payload template in {@code field} applied to {@code value}, if the state has one.
   */
  private static JsonNode template(StateRun r, String field, JsonNode value, String inspection) {
    JsonNode out =
        r.has(field) ? PayloadTemplate.apply(r.field(field), r.evalContext(value)) : value;
    r.inspect(inspection, out);
    return out;
  }

  /**
   * Computes assignments and the state output from the state's result.
   *
   * @param result the state result (null for states without one: Choice, Wait, Succeed)
   * @param effInput the effective input (after InputPath)
   */
  static Transition finish(StateRun r, JsonNode result, JsonNode effInput, String next) {
    return finish(r, r.state, result, effInput, null, next);
  }

  /**
   * As {@link #finish(StateRun, JsonNode, JsonNode, String)} with Assign/Output/ResultPath taken
   * from {@code holder} (the state, a Choice rule or a Catcher).
   */
  static Transition finish(
      StateRun r,
      JsonNode holder,
      JsonNode result,
      JsonNode effInput,
      JsonNode errorOutput,
      String next) {
    if (r.jsonata) {
      Map<String, JsonNode> assigned = assign(r, holder, result, errorOutput);
      JsonNode out;
      if (holder.has("Output")) {
        out = r.jsonata(holder.get("Output"), "Output", r.input, result, errorOutput);
      } else {
        out = errorOutput != null ? errorOutput : result != null ? result : r.input;
      }
      return new Transition(out, next, assigned);
    }
    JsonNode value = errorOutput != null ? errorOutput : result;
    Map<String, JsonNode> assigned = assign(r, holder, value != null ? value : effInput, null);
    if (value != null && errorOutput == null) {
      r.inspect("afterResultSelector", value);
    }
    JsonNode out = value == null ? effInput : resultPath(r, holder, value);
    if (value != null && errorOutput == null) {
      r.inspect("afterResultPath", out);
    }
    if (errorOutput == null) {
      out = outputPath(r, out);
    }
    return new Transition(out, next, assigned);
  }

  static Map<String, JsonNode> assign(
      StateRun r, JsonNode holder, JsonNode result, JsonNode errorOutput) {
    JsonNode spec = holder.get("Assign");
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (spec == null || !spec.isObject()) {
      return out;
    }
    if (r.jsonata) {
      spec.fields()
          .forEachRemaining(
              e ->
                  out.put(
                      e.getKey(),
                      r.jsonata(
                          e.getValue(), "Assign/" + e.getKey(), r.input, result, errorOutput)));
      return out;
    }
    JsonNode evaluated = PayloadTemplate.apply(spec, r.evalContext(result));
    evaluated.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  static JsonNode resultPath(StateRun r, JsonNode holder, JsonNode result) {
    if (!holder.has("ResultPath")) {
      return result;
    }
    JsonNode rp = holder.get("ResultPath");
    if (rp.isNull()) {
      return r.input;
    }
    try {
      return JsonPaths.write(r.input, rp.asText(), result);
    } catch (JsonPaths.PathMissing | NumberFormatException e) {
      throw new StatesFailure(
          "States.ResultPathMatchFailure",
          r.causePrefix()
              + "Unable to apply ResultPath '"
              + rp.asText()
              + "' to the state input "
              + Json.write(r.input)
              + ": "
              + e.getMessage());
    }
  }

  static JsonNode outputPath(StateRun r, JsonNode out) {
    if (r.jsonata || !r.has("OutputPath")) {
      return out;
    }
    return selectPath(r, r.field("OutputPath"), out);
  }

  private static JsonNode selectPath(StateRun r, JsonNode path, JsonNode doc) {
    if (path.isNull()) {
      return Json.object();
    }
    try {
      return PathResolver.resolve(path.asText(), r.evalContext(doc));
    } catch (JsonPaths.PathMissing e) {
      throw new StatesFailure(
          "States.Runtime",
          r.causePrefix() + "Invalid path '" + path.asText() + "' : " + e.getMessage());
    }
  }
}
