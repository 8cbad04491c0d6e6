package dev.waymark.states.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.json.Json;
import java.util.Iterator;
import java.util.Map;

/** Applies a JSONPath-mode payload template (Parameters, ResultSelector, ItemSelector, Assign). */
public final class PayloadTemplate {
  private PayloadTemplate() {}

  public static JsonNode apply(JsonNode template, EvalContext ctx) {
    if (template.isObject()) {
      ObjectNode out = Json.object();
      Iterator<Map.Entry<String, JsonNode>> it = template.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey();
        if (key.endsWith(".$") && e.getValue().isTextual()) {
          out.set(key.substring(0, key.length() - 2), evaluate(e.getValue().textValue(), key, ctx));
        } else {
          out.set(key, apply(e.getValue(), ctx));
        }
      }
      return out;
    }
    if (template.isArray()) {
      ArrayNode out = Json.array();
      for (JsonNode n : template) {
        out.add(apply(n, ctx));
      }
      return out;
    }
    return template;
  }

  /** Evaluates one '.$' value: an intrinsic call or a path. */
  public static JsonNode evaluate(String expr, String field, EvalContext ctx) {
    String path = expr;
    try {
      if (expr.startsWith("States.")) {
        return Intrinsics.evaluate(expr, ctx);
      }
      return PathResolver.resolve(expr, ctx);
    } catch (Intrinsics.MissingPath e) {
      path = e.path;
    } catch (JsonPaths.PathMissing e) {
      path = expr;
    }
    JsonNode src = path.startsWith("$$") ? ctx.context() : ctx.input();
    throw new StatesFailure(
        "States.Runtime",
        "The JSONPath '"
            + path
            + "' specified for the field '"
            + field
            + "' could not be found in the input '"
            + Json.write(src)
            + "'");
  }
}
