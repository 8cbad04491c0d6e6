package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.json.Json;
import dev.waymark.states.jsonata.JsonataEval;
import dev.waymark.states.path.EvalContext;
import dev.waymark.states.path.JsonPaths;
import dev.waymark.states.path.PathResolver;
import dev.waymark.states.path.PayloadTemplate;

/**
 * Map state inputs: the items array, per-item selection, batching, concurrency and failure
 * tolerance.
 */
final class MapItems {
  private MapItems() {}

  record Tolerance(long count, double percentage) {
    int allowedFailures(int total) {
      long byCount = count;
      long byPct = (long) Math.floor(total * percentage / 100.0);
      long allowed = Math.max(byCount, byPct);
      return (int) Math.min(Integer.MAX_VALUE - 1, allowed);
    }
  }

  static ArrayNode items(StateRun r, JsonNode eff) {
    JsonNode items;
    if (r.jsonata) {
      if (r.has("Items")) {
        JsonNode spec = r.field("Items");
        items = r.jsonata(spec, "Items", r.input, null, null);
        if (!items.isArray()) {
          String expr =
              JsonataEval.isExpression(spec)
                  ? JsonataEval.expressionText(spec.asText())
                  : Json.write(spec);
          throw JsonataEval.queryError(
              expr,
              "Items",
              "returned an unexpected result type. Expected "
                  + "'array', but was '"
                  + Json.typeName(items)
                  + "' for value: "
                  + Json.write(items));
        }
      } else {
        items = r.input;
      }
    } else {
      String path = r.state.path("ItemsPath").asText("$");
      try {
        items = PathResolver.resolve(path, r.evalContext(eff));
      } catch (JsonPaths.PathMissing e) {
        throw new StatesFailure(
            "States.Runtime", "Invalid path '" + path + "' : " + e.getMessage());
      }
    }
    if (!items.isArray()) {
      throw new JsonataEval.QueryError(
          null, null, "Map state input must be an array but was: " + Json.write(items));
    }
    return MapBatches.batch(r, (ArrayNode) items, eff);
  }

  /** The input of one iteration: ItemSelector/Parameters applied, or the item itself. */
  static JsonNode selectItem(StateRun r, JsonNode eff, ObjectNode item) {
    JsonNode selector = r.has("ItemSelector") ? r.field("ItemSelector") : r.field("Parameters");
    if (selector == null) {
      return item.get("Value");
    }
    ObjectNode ctx = r.context();
    ctx.putObject("Map").set("Item", item);
    if (r.jsonata) {
      ObjectNode states = Json.object();
      states.set("input", r.input);
      states.set("context", ctx);
      return JsonataEval.template(
          selector,
          "ItemSelector",
          new JsonataEval.Bindings(states, r.frame.vars.all(), r.frame.rt.clock.now()),
          r.name);
    }
    return PayloadTemplate.apply(selector, new EvalContext(eff, ctx, r.frame.vars::get));
  }

  /**
   * MaxConcurrency(Path): a non-negative integer, 0 meaning no limit. From a path AWS parses the
   * value's text and rejects anything that is not an integer, or a negative one.
   */
  static int maxConcurrency(StateRun r, JsonNode eff) {
    long n;
    if (r.has("MaxConcurrencyPath")) {
      n = PathValues.integerField(r, eff, "MaxConcurrencyPath");
    } else {
      JsonNode v = r.has("MaxConcurrency") ? numberField(r, "MaxConcurrency") : null;
      n = v == null ? 0 : v.asLong();
    }
    if (n < 0) {
      throw new StatesFailure(
          "States.Runtime",
          "Expected non-negative integer for MaxConcurrency, got '" + n + "' instead.");
    }
    return (int) Math.min(Integer.MAX_VALUE, n);
  }

  /**
   * ToleratedFailureCount(Path) and ToleratedFailurePercentage(Path). A path value is parsed from
   * its text ("5" is a count, "12.5" a percentage); the count must not be negative and the
   * percentage must lie in 0..100.
   */
  static Tolerance tolerance(StateRun r, JsonNode eff) {
    long count = 0;
    double pct = 0;
    if (r.has("ToleratedFailureCount")) {
      count = numberField(r, "ToleratedFailureCount").asLong();
    } else if (r.has("ToleratedFailureCountPath")) {
      count = PathValues.integerField(r, eff, "ToleratedFailureCountPath");
    }
    if (count < 0) {
      throw new StatesFailure("States.Runtime", "ToleratedFailureCount cannot be negative.");
    }
    if (r.has("ToleratedFailurePercentage")) {
      pct = numberField(r, "ToleratedFailurePercentage").asDouble();
    } else if (r.has("ToleratedFailurePercentagePath")) {
      String path = r.field("ToleratedFailurePercentagePath").asText();
      JsonNode v = PathValues.resolve(r, eff, path);
      Double d = PathValues.decimal(v);
      if (d == null) {
        throw new StatesFailure(
            "States.Runtime",
            "The ToleratedFailurePercentagePath field refers to value \""
                + PathValues.shown(v)
                + "\" which is not a valid float: "
                + path);
      }
      pct = d;
    }
    if (pct < 0 || pct > 100) {
      throw new StatesFailure(
          "States.Runtime", "ToleratedFailurePercentage must be between 0 and 100.");
    }
    return new Tolerance(count, pct);
  }

  static JsonNode numberField(StateRun r, String field) {
    JsonNode v = r.field(field);
    if (r.jsonata && !v.isNumber()) {
      v = r.jsonata(v, field, r.input, null, null);
    }
    return v;
  }
}
