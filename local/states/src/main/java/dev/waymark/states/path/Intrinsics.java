package dev.waymark.states.path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** The States.* intrinsic functions of JSONPath-mode ASL. */
public final class Intrinsics {
  /** AWS: an array built by an intrinsic (ArrayRange) holds at most 1000 items. */
  static final int MAX_ARRAY_ITEMS = 1000;

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
      try {
        return PathResolver.resolve(p.path(), ctx);
      } catch (JsonPaths.PathMissing e) {
        throw new MissingPath(p.path());
      }
    }
    return (JsonNode) a;
  }

  /** A path argument that selects nothing; the caller words the failure for its field. */
  static final class MissingPath extends RuntimeException {
    final String path;

    MissingPath(String path) {
      super(path);
      this.path = path;
    }
  }

  static JsonNode apply(String name, List<JsonNode> list) {
    IntrinsicArgs a = new IntrinsicArgs(name, list);
    return switch (name) {
      case "States.Format" -> format(a);
      case "States.StringToJson" -> stringToJson(a.arity(1));
      case "States.JsonToString" -> Json.F.textNode(Json.write(a.arity(1).arg(0)));
      case "States.Array" -> arrayOf(list);
      case "States.ArrayPartition" -> partition(a.arity(2));
      case "States.ArrayContains" -> Json.F.booleanNode(contains(a.arity(2).arr(0), a.arg(1)));
      case "States.ArrayRange" -> range(a.arity(3));
      case "States.ArrayGetItem" -> getItem(a.arity(2));
      case "States.ArrayLength" -> Json.F.numberNode(a.arity(1).arr(0).size());
      case "States.ArrayUnique" -> unique(a.arity(1).arr(0));
      case "States.Base64Encode" ->
          Json.F.textNode(
              Base64.getEncoder()
                  .encodeToString(a.arity(1).limitedStr(0).getBytes(StandardCharsets.UTF_8)));
      case "States.Base64Decode" -> base64Decode(a.arity(1));
      case "States.Hash" -> hash(a.arity(2));
      case "States.JsonMerge" -> merge(a.arity(3));
      case "States.MathRandom" -> random(a.arity(2, 3));
      case "States.MathAdd" -> mathAdd(a.arity(2));
      case "States.StringSplit" -> split(a.arity(2).str(0), a.str(1));
      case "States.UUID" -> uuid(a.arity(0));
      default ->
          throw new StatesFailure("States.Runtime", "Unsupported intrinsic function: " + name);
    };
  }

  /** A version 4 UUID; takes no argument. */
  private static JsonNode uuid(IntrinsicArgs noArguments) {
    return Json.F.textNode(UUID.randomUUID().toString());
  }

  /**
   * One '{}' per remaining argument (AWS: "There must be as many remaining arguments ... as there
   * are occurrences of {}"); any other '{' or '}' must be escaped ({@code \\{}, {@code \\}}) — AWS
   * rejects 'Hello {', '}' and '{{}}'.
   */
  private static JsonNode format(IntrinsicArgs a) {
    JsonNode first = a.arg(0);
    String template = first instanceof IntrinsicParser.LiteralText lit ? lit.template : a.str(0);
    StringBuilder sb = new StringBuilder();
    int argi = 1;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
        if (argi >= a.size()) {
          throw a.fail();
        }
        sb.append(javaString(a.arg(argi++)));
        i++;
      } else if (c == '{' || c == '}') {
        throw a.fail();
      } else if (c == IntrinsicParser.ESCAPED_OPEN || c == IntrinsicParser.ESCAPED_CLOSE) {
        sb.append(c == IntrinsicParser.ESCAPED_OPEN ? '{' : '}');
      } else {
        sb.append(c);
      }
    }
    if (argi != a.size()) {
      throw a.fail();
    }
    return Json.F.textNode(sb.toString());
  }

  private static JsonNode stringToJson(IntrinsicArgs a) {
    String s = a.str(0);
    if (s.isBlank()) {
      return Json.F.nullNode();
    }
    try {
      return Json.parse(s);
    } catch (RuntimeException e) {
      throw a.fail();
    }
  }

  /**
   * MIME Base64 (the AWS page: "Decodes data based on MIME Base64 encoding scheme"): characters
   * outside the alphabet are ignored, as AWS does (' YWJjZA== ' decodes to "abcd").
   */
  private static JsonNode base64Decode(IntrinsicArgs a) {
    try {
      byte[] bytes = Base64.getMimeDecoder().decode(a.limitedStr(0));
      return Json.F.textNode(new String(bytes, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw a.fail();
    }
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

  /** Jackson with its default number types (int, long, double), as AWS parses JSON. */
  private static final ObjectMapper PLAIN = new ObjectMapper();

  private static JsonNode plain(JsonNode n) {
    try {
      return PLAIN.readTree(Json.write(n));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ArrayNode arrayOf(List<JsonNode> a) {
    ArrayNode out = Json.array();
    a.forEach(out::add);
    return out;
  }

  /** AWS: a non-zero, positive chunk size (a fraction is cut toward zero first). */
  private static ArrayNode partition(IntrinsicArgs a) {
    ArrayNode in = a.arr(0);
    long size = a.truncated(1);
    if (size <= 0) {
      throw a.fail();
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

  /**
   * As observed on AWS: a scalar matches by its text (true matches "true", 42 matches "42", but
   * false does not match 0), an object or array by its JSON text (so key order matters).
   */
  private static boolean contains(ArrayNode in, JsonNode v) {
    String want = containsKey(v);
    for (JsonNode n : in) {
      if (containsKey(n).equals(want)) {
        return true;
      }
    }
    return false;
  }

  private static String containsKey(JsonNode n) {
    return n.isContainerNode() ? "json:" + Json.write(n) : "text:" + n.asText();
  }

  /** AWS: integer arguments (fractions cut toward zero), a non-zero step, at most 1000 items. */
  private static ArrayNode range(IntrinsicArgs a) {
    long start = a.truncated(0);
    long end = a.truncated(1);
    long step = a.truncated(2);
    if (step == 0) {
      throw a.fail();
    }
    long count = (step > 0 ? start <= end : start >= end) ? (end - start) / step + 1 : 0;
    if (count > MAX_ARRAY_ITEMS) {
      throw a.fail();
    }
    ArrayNode out = Json.array();
    for (long i = 0; i < count; i++) {
      out.add(start + i * step);
    }
    return out;
  }

  /**
   * AWS: a number index (a fraction is cut toward zero) within the array; observed on AWS, any
   * index into an empty array gives null.
   */
  private static JsonNode getItem(IntrinsicArgs a) {
    ArrayNode in = a.arr(0);
    long idx = a.truncated(1);
    if (in.isEmpty()) {
      return Json.F.nullNode();
    }
    if (idx < 0 || idx >= in.size()) {
      throw a.fail();
    }
    return in.get((int) idx);
  }

  /**
   * The distinct items in the order of a Java {@code HashSet} of Jackson nodes, which is what AWS
   * returns (observed: [true, false, true] gives [false, true]; [[1,2],[1,2],[2,1]] gives [[2,1],
   * [1,2]]). Items are read back as plain Jackson would parse the input, so equality and order
   * follow AWS's node types.
   */
  private static ArrayNode unique(ArrayNode in) {
    List<JsonNode> items = new ArrayList<>();
    for (JsonNode n : in) {
      items.add(plain(n));
    }
    ArrayNode out = Json.array();
    new HashSet<>(items).forEach(out::add);
    return out;
  }

  /** AWS: MD5, SHA-1, SHA-256, SHA-384 or SHA-512 over at most 10,000 characters. */
  private static JsonNode hash(IntrinsicArgs a) {
    JsonNode data = a.arg(0);
    String text = data.isTextual() ? data.textValue() : Json.write(data);
    if (text.length() > IntrinsicArgs.MAX_STRING_INPUT) {
      throw a.fail();
    }
    String alg = a.str(1);
    if (!List.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512").contains(alg)) {
      throw a.fail();
    }
    try {
      byte[] h = MessageDigest.getInstance(alg).digest(text.getBytes(StandardCharsets.UTF_8));
      return Json.F.textNode(HexFormat.of().formatHex(h));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * AWS: two objects, shallow merge only: a third argument that reads as true fails (observed: the
   * string "false" is accepted as false).
   */
  private static JsonNode merge(IntrinsicArgs a) {
    JsonNode x = a.arg(0);
    JsonNode y = a.arg(1);
    JsonNode deep = a.arg(2);
    if (!x.isObject() || !y.isObject()) {
      throw a.fail();
    }
    if (deep.asBoolean()) {
      throw a.fail(); // only shallow merging; AWS reads the flag as a boolean ("false" is false)
    }
    ObjectNode out = x.deepCopy();
    out.setAll((ObjectNode) y.deepCopy());
    return out;
  }

  /**
   * AWS: number start and end (fractions cut toward zero) with start lower than end, and an
   * optional number seed; the result is an integer in [start, end) (observed: MathRandom(1, 1) and
   * MathRandom(10, 5) fail), and the same seed gives the same number.
   */
  private static JsonNode random(IntrinsicArgs a) {
    long lo = a.truncated(0);
    long hi = a.truncated(1);
    if (hi <= lo) {
      throw a.fail();
    }
    Random r = a.size() > 2 ? new Random(a.truncated(2)) : new Random();
    return Json.F.numberNode(lo + (long) Math.floor(r.nextDouble() * (hi - lo)));
  }

  /**
   * AWS: two numbers, rounded to the nearest integer before adding; the operands and the sum must
   * lie in -2147483648..2147483647 (observed: MathAdd(2147483647, 1) fails).
   */
  private static JsonNode mathAdd(IntrinsicArgs a) {
    long sum = 0;
    for (int i = 0; i < 2; i++) {
      long v = a.rounded(i);
      if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
        throw a.fail();
      }
      sum += v;
    }
    if (sum < Integer.MIN_VALUE || sum > Integer.MAX_VALUE) {
      throw a.fail();
    }
    return Json.F.numberNode(sum);
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
