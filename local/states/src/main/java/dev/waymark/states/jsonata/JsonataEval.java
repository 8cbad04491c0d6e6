package dev.waymark.states.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.json.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Evaluates JSONata-mode ASL fields: strings of the form {@code {% expr %}} (anywhere inside a JSON
 * template), with {@code $states} and the workflow variables bound.
 */
public final class JsonataEval {
  private JsonataEval() {}

  /**
   * The bindings an expression sees; {@code now} (engine time) backs {@code $now()} and {@code
   * $millis()}.
   */
  public record Bindings(JsonNode states, Map<String, JsonNode> variables, java.time.Instant now) {}

  public static boolean isExpression(JsonNode n) {
    return n != null && n.isTextual() && isExpression(n.textValue());
  }

  public static boolean isExpression(String s) {
    return s.startsWith("{%") && s.endsWith("%}") && s.length() >= 4;
  }

  /** Evaluates a template: expressions are replaced by their value, other values are kept. */
  public static JsonNode template(JsonNode template, String field, Bindings b, String stateName) {
    if (isExpression(template)) {
      return evaluate(expressionText(template.textValue()), field, b, stateName);
    }
    if (template.isObject()) {
      ObjectNode out = Json.object();
      template
          .fields()
          .forEachRemaining(
              e ->
                  out.set(
                      e.getKey(), template(e.getValue(), field + "/" + e.getKey(), b, stateName)));
      return out;
    }
    if (template.isArray()) {
      ArrayNode out = Json.array();
      int i = 0;
      for (JsonNode n : template) {
        out.add(template(n, field + "/" + i++, b, stateName));
      }
      return out;
    }
    return template;
  }

  public static String expressionText(String s) {
    String t = s.trim();
    return t.substring(2, t.length() - 2).trim();
  }

  /** Evaluates one expression; an undefined result is a States.QueryEvaluationError. */
  public static JsonNode evaluate(String expr, String field, Bindings b, String stateName) {
    Object result;
    try {
      Jsonata j = Jsonata.jsonata(expr);
      j.setOutputConvertNulls(false);
      Jsonata.Frame frame = j.createFrame();
      frame.bind("states", toJava(b.states()));
      b.variables().forEach((k, v) -> frame.bind(k, toJava(v)));
      AwsFunctions.register(frame, b.now());
      result = j.evaluate(null, frame);
    } catch (JException e) {
      throw queryError(expr, field, "threw an error during evaluation. " + describe(e));
    } catch (StatesFailure e) {
      throw e;
    } catch (RuntimeException e) {
      throw queryError(expr, field, "threw an error during evaluation. " + e.getMessage());
    }
    if (result == null) {
      throw queryError(expr, field, "returned nothing (undefined).");
    }
    if (result instanceof Jsonata.JFunction
        || result instanceof Jsonata.JFunctionCallable
        || result.getClass().getName().contains("Symbol")) {
      throw queryError(expr, field, "returned an unsupported result type.");
    }
    return fromJava(result);
  }

  private static String describe(JException e) {
    return e.getError() == null ? e.getMessage() : e.getError() + ": " + e.getMessage();
  }

  public static StatesFailure queryError(String expr, String field, String what) {
    return new QueryError(
        expr,
        field,
        "The JSONata expression '" + expr + "' specified for the field '" + field + "' " + what);
  }

  /** A States.QueryEvaluationError; the interpreter prefixes the state context to the cause. */
  public static final class QueryError extends StatesFailure {
    private final String field;

    /** Set once the EvaluationFailed history event was written. */
    public boolean logged;

    /** True when raised while evaluating an expression (not by a later check of its value). */
    private final boolean duringEvaluation;

    public QueryError(String expr, String field, String cause) {
      super("States.QueryEvaluationError", cause);
      this.field = field;
      this.duringEvaluation = expr != null;
    }

    public boolean duringEvaluation() {
      return duringEvaluation;
    }

    public String field() {
      return field;
    }
  }

  static Object toJava(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return null;
    }
    if (n.isNull()) {
      return Jsonata.NULL_VALUE;
    }
    if (n.isObject()) {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      n.fields().forEachRemaining(e -> m.put(e.getKey(), toJava(e.getValue())));
      return m;
    }
    if (n.isArray()) {
      List<Object> l = new java.util.ArrayList<>();
      n.forEach(v -> l.add(toJava(v)));
      return l;
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isIntegralNumber() && n.canConvertToLong()) {
      return n.longValue();
    }
    return n.doubleValue();
  }

  static JsonNode fromJava(Object o) {
    if (o == null || o == Jsonata.NULL_VALUE) {
      return Json.F.nullNode();
    }
    if (o instanceof Map<?, ?> m) {
      ObjectNode out = Json.object();
      m.forEach(
          (k, v) -> {
            if (v != null && !(v instanceof Jsonata.JFunction)) {
              out.set(String.valueOf(k), fromJava(v));
            }
          });
      return out;
    }
    if (o instanceof List<?> l) {
      ArrayNode out = Json.array();
      l.forEach(v -> out.add(fromJava(v)));
      return out;
    }
    if (o instanceof String s) {
      return Json.F.textNode(s);
    }
    if (o instanceof Boolean bo) {
      return Json.F.booleanNode(bo);
    }
    if (o instanceof Integer || o instanceof Long) {
      return Json.F.numberNode(((Number) o).longValue());
    }
    if (o instanceof Number num) {
      double d = num.doubleValue();
      if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
        return Json.F.numberNode((long) d);
      }
      return Json.F.numberNode(new BigDecimal(Double.toString(d)));
    }
    return Json.F.textNode(String.valueOf(o));
  }
}
