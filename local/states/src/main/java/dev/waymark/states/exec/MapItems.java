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
    return batch(r, (ArrayNode) items, eff);
  }

  private static ArrayNode batch(StateRun r, ArrayNode items, JsonNode eff) {
    JsonNode batcher = r.field("ItemBatcher");
    if (batcher == null) {
      return items;
    }
    int max = batcher.path("MaxItemsPerBatch").asInt(Integer.MAX_VALUE);
    if (batcher.has("MaxItemsPerBatchPath")) {
      max =
          PathResolver.resolve(batcher.get("MaxItemsPerBatchPath").asText(), r.evalContext(eff))
              .asInt();
    }
    JsonNode batchInput =
        batcher.has("BatchInput")
            ? (r.jsonata
                ? r.jsonata(
                    batcher.get("BatchInput"), "ItemBatcher/BatchInput", r.input, null, null)
                : PayloadTemplate.apply(batcher.get("BatchInput"), r.evalContext(eff)))
            : null;
    ArrayNode out = Json.array();
    ObjectNode cur = null;
    for (JsonNode item : items) {
      if (cur == null || cur.get("Items").size() >= max) {
        cur = out.addObject();
        if (batchInput != null) {
          cur.set("BatchInput", batchInput);
        }
        cur.putArray("Items");
      }
      ((ArrayNode) cur.get("Items")).add(item);
    }
    return out;
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

  static int maxConcurrency(StateRun r, JsonNode eff) {
    if (r.has("MaxConcurrencyPath")) {
      return PathResolver.resolve(r.field("MaxConcurrencyPath").asText(), r.evalContext(eff))
          .asInt();
    }
    JsonNode v = r.field("MaxConcurrency");
    if (v != null && r.jsonata && !v.isNumber()) {
      v = r.jsonata(v, "MaxConcurrency", r.input, null, null);
    }
    return v == null ? 0 : v.asInt();
  }

  static Tolerance tolerance(StateRun r, JsonNode eff) {
    long count = 0;
    double pct = 0;
    if (r.has("ToleratedFailureCount")) {
      count = numberField(r, "ToleratedFailureCount").asLong();
    } else if (r.has("ToleratedFailureCountPath")) {
      String path = r.field("ToleratedFailureCountPath").asText();
      JsonNode v = PathResolver.resolve(path, r.evalContext(eff));
      if (!v.isIntegralNumber()) {
        throw new StatesFailure(
            "States.Runtime",
            "The ToleratedFailureCountPath field refers to value \""
                + (v.isTextual() ? v.textValue() : Json.write(v))
                + "\" which is not a valid integer: "
                + path);
      }
      count = v.asLong();
    }
    if (count < 0) {
      throw new StatesFailure("States.Runtime", "ToleratedFailureCount cannot be negative.");
    }
    if (r.has("ToleratedFailurePercentage")) {
      pct = numberField(r, "ToleratedFailurePercentage").asDouble();
    } else if (r.has("ToleratedFailurePercentagePath")) {
      String path = r.field("ToleratedFailurePercentagePath").asText();
      JsonNode v = PathResolver.resolve(path, r.evalContext(eff));
      if (!v.isNumber()) {
        throw new StatesFailure(
            "States.Runtime",
            "The ToleratedFailurePercentagePath field refers to value \""
                + (v.isTextual() ? v.textValue() : Json.write(v))
                + "\" which is not a valid float: "
                + path);
      }
      pct = v.asDouble();
    }
    if (pct < 0 || pct > 100) {
      throw new StatesFailure(
          "States.Runtime", "ToleratedFailurePercentage must be between 0 and 100.");
    }
    return new Tolerance(count, pct);
  }

  private static JsonNode numberField(StateRun r, String field) {
    JsonNode v = r.field(field);
    if (r.jsonata && !v.isNumber()) {
      v = r.jsonata(v, field, r.input, null, null);
    }
    return v;
  }
}
