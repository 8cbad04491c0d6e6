package dev.waymark.states.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.json.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** The States.* intrinsic functions of JSONPath-mode ASL. */
public final class Intrinsics {
  private Intrinsics() {}

  /** Evaluates an intrinsic function call expression such as {@code States.Format('{}', $.x)}. */
  public static JsonNode evaluate(String expression, EvalContext ctx) {
    IntrinsicParser.Call call = new IntrinsicParser(expression).parseCall();
    return eval(call, ctx);
  }

  private static JsonNode eval(IntrinsicParser.Call call, EvalContext ctx) {
    List<JsonNode> args = new ArrayList<>();
    for (Object a : call.args()) {
      args.add(argValue(a, ctx));
    }
    return apply(call.name(), args);
  }

  private static JsonNode argValue(Object a, EvalContext ctx) {
    if (a instanceof IntrinsicParser.Call c) {
      return eval(c, ctx);
    }
    if (a instanceof IntrinsicParser.PathArg p) {
      return PathResolver.resolve(p.path(), ctx);
    }
    return (JsonNode) a;
  }

  static JsonNode apply(String name, List<JsonNode> a) {
    return switch (name) {
      case "States.Format" -> format(a);
      case "States.StringToJson" -> stringToJson(str(a, 0, name));
      case "States.JsonToString" -> Json.F.textNode(Json.write(arg(a, 0)));
      case "States.Array" -> arrayOf(a);
      case "States.ArrayPartition" -> partition(arr(a, 0, name), integer(a, 1, name), name);
      case "States.ArrayContains" -> Json.F.booleanNode(contains(arr(a, 0, name), arg(a, 1)));
      case "States.ArrayRange" ->
          range(integer(a, 0, name), integer(a, 1, name), integer(a, 2, name), name);
      case "States.ArrayGetItem" -> getItem(arr(a, 0, name), integer(a, 1, name), name);
      case "States.ArrayLength" -> Json.F.numberNode(arr(a, 0, name).size());
      case "States.ArrayUnique" -> unique(arr(a, 0, name));
      case "States.Base64Encode" ->
          Json.F.textNode(
              Base64.getEncoder().encodeToString(str(a, 0, name).getBytes(StandardCharsets.UTF_8)));
      case "States.Base64Decode" ->
          Json.F.textNode(
              new String(Base64.getDecoder().decode(str(a, 0, name)), StandardCharsets.UTF_8));
      case "States.Hash" -> hash(a, name);
      case "States.JsonMerge" -> merge(a, name);
      case "States.MathRandom" -> random(a, name);
      case "States.MathAdd" -> mathAdd(a, name);
      case "States.StringSplit" -> split(str(a, 0, name), str(a, 1, name));
      case "States.UUID" -> Json.F.textNode(UUID.randomUUID().toString());
      default ->
          throw new StatesFailure("States.Runtime", "Unsupported intrinsic function: " + name);
    };
  }

  private static JsonNode arg(List<JsonNode> a, int i) {
    if (i >= a.size()) {
      throw new StatesFailure("States.Runtime", "Missing argument " + (i + 1));
    }
    return a.get(i);
  }

  private static String str(List<JsonNode> a, int i, String fn) {
    JsonNode n = arg(a, i);
    if (!n.isTextual()) {
      throw new StatesFailure("States.Runtime", fn + ": argument " + (i + 1) + " must be a string");
    }
    return n.textValue();
  }

  private static ArrayNode arr(List<JsonNode> a, int i, String fn) {
    JsonNode n = arg(a, i);
    if (!n.isArray()) {
      throw new StatesFailure("States.Runtime", fn + ": argument " + (i + 1) + " must be an array");
    }
    return (ArrayNode) n;
  }

  private static long integer(List<JsonNode> a, int i, String fn) {
    JsonNode n = arg(a, i);
    if (!n.isNumber()) {
      throw new StatesFailure("States.Runtime", fn + ": argument " + (i + 1) + " must be a number");
    }
    return n.asLong();
  }

  private static JsonNode format(List<JsonNode> a) {
    String template = str(a, 0, "States.Format");
    StringBuilder sb = new StringBuilder();
    int argi = 1;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
        JsonNode v = arg(a, argi++);
        sb.append(javaString(v));
        i++;
      } else {
        sb.append(c);
      }
    }
    if (argi != a.size()) {
      throw new StatesFailure(
          "States.Runtime", "States.Format: number of arguments does not match the template");
    }
    return Json.F.textNode(sb.toString());
  }

  private static JsonNode stringToJson(String s) {
    if (s.isBlank()) {
      return Json.F.nullNode();
    }
    return Json.parse(s);
  }

  /** Java toString() rendering, which States.Format uses for non-string arguments. */
  static String javaString(JsonNode v) {
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isObject()) {
      StringBuilder sb = new StringBuilder("{");
      var it = v.fields();
      while (it.hasNext()) {
        var e = it.next();
        sb.append(e.getKey()).append('=').append(javaString(e.getValue()));
        if (it.hasNext()) {
          sb.append(", ");
        }
      }
      return sb.append('}').toString();
    }
    if (v.isArray()) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < v.size(); i++) {
        sb.append(i > 0 ? ", " : "").append(javaString(v.get(i)));
      }
      return sb.append(']').toString();
    }
    return v.isNull() ? "null" : v.asText();
  }

  private static ArrayNode arrayOf(List<JsonNode> a) {
    ArrayNode out = Json.array();
    a.forEach(out::add);
    return out;
  }

  private static ArrayNode partition(ArrayNode in, long size, String fn) {
    if (size <= 0) {
      throw new StatesFailure("States.Runtime", fn + ": chunk size must be greater than 0");
    }
    ArrayNode out = Json.array();
    ArrayNode cur = null;
    for (JsonNode n : in) {
      if (cur == null || cur.size() == size) {
        cur = out.addArray();
      }
      cur.add(n);
    }
    return out;
  }

  private static boolean contains(ArrayNode in, JsonNode v) {
    for (JsonNode n : in) {
      if (Json.equalsLoose(n, v)) {
        return true;
      }
    }
    return false;
  }

  private static ArrayNode range(long start, long end, long step, String fn) {
    if (step == 0) {
      throw new StatesFailure("States.Runtime", fn + ": step cannot be 0");
    }
    ArrayNode out = Json.array();
    for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
      out.add(v);
      if (out.size() > 1000) {
        throw new StatesFailure("States.Runtime", fn + ": the result exceeds 1000 items");
      }
    }
    return out;
  }

  private static JsonNode getItem(ArrayNode in, long idx, String fn) {
    if (idx < 0 || idx >= in.size()) {
      throw new StatesFailure("States.Runtime", fn + ": index out of bounds");
    }
    return in.get((int) idx);
  }

  private static ArrayNode unique(ArrayNode in) {
    ArrayNode out = Json.array();
    for (JsonNode n : in) {
      if (!contains(out, n)) {
        out.add(n);
      }
    }
    return out;
  }

  private static JsonNode hash(List<JsonNode> a, String fn) {
    JsonNode data = arg(a, 0);
    String text = data.isTextual() ? data.textValue() : Json.write(data);
    String alg = str(a, 1, fn);
    String javaAlg =
        switch (alg) {
          case "MD5" -> "MD5";
          case "SHA-1" -> "SHA-1";
          case "SHA-256" -> "SHA-256";
          case "SHA-384" -> "SHA-384";
          case "SHA-512" -> "SHA-512";
          default ->
              throw new StatesFailure("States.Runtime", fn + ": unsupported hash algorithm " + alg);
        };
    try {
      byte[] h = MessageDigest.getInstance(javaAlg).digest(text.getBytes(StandardCharsets.UTF_8));
      return Json.F.textNode(HexFormat.of().formatHex(h));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode merge(List<JsonNode> a, String fn) {
    JsonNode x = arg(a, 0);
    JsonNode y = arg(a, 1);
    JsonNode deep = arg(a, 2);
    if (!x.isObject() || !y.isObject()) {
      throw new StatesFailure("States.Runtime", fn + ": arguments must be objects");
    }
    if (!deep.isBoolean() || deep.booleanValue()) {
      throw new StatesFailure("States.Runtime", fn + ": only shallow merge (false) is supported");
    }
    ObjectNode out = x.deepCopy();
    out.setAll((ObjectNode) y.deepCopy());
    return out;
  }

  private static JsonNode random(List<JsonNode> a, String fn) {
    long lo = integer(a, 0, fn);
    long hi = integer(a, 1, fn);
    Random r = a.size() > 2 ? new Random(integer(a, 2, fn)) : new Random();
    if (hi <= lo) {
      return Json.F.numberNode(lo);
    }
    return Json.F.numberNode(lo + (long) (r.nextDouble() * (hi - lo)));
  }

  /** AWS rounds non-integer arguments to the nearest integer before adding. */
  private static JsonNode mathAdd(List<JsonNode> a, String fn) {
    BigDecimal x = arg(a, 0).isNumber() ? arg(a, 0).decimalValue() : null;
    BigDecimal y = arg(a, 1).isNumber() ? arg(a, 1).decimalValue() : null;
    if (x == null || y == null) {
      throw new StatesFailure("States.Runtime", fn + ": arguments must be numbers");
    }
    java.math.RoundingMode half = java.math.RoundingMode.HALF_UP;
    return Json.number(x.setScale(0, half).add(y.setScale(0, half)));
  }

  private static ArrayNode split(String s, String delims) {
    ArrayNode out = Json.array();
    StringBuilder cur = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (delims.indexOf(c) >= 0) {
        if (!cur.isEmpty()) {
          out.add(cur.toString());
        }
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (!cur.isEmpty()) {
      out.add(cur.toString());
    }
    return out;
  }
}
