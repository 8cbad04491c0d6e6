package dev.waymark.states.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.waymark.states.StatesFailure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Argument checks of the intrinsic functions, following the "Input validation" notes of the AWS
 * page "Intrinsic functions for JSONPath states in Step Functions"
 * (https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html). Every violation
 * is what AWS answers: error {@code States.Runtime}, cause {@code Invalid arguments in
 * States.<Function>} (after the usual "An error occurred while executing the state ..." prefix).
 */
final class IntrinsicArgs {
  /** AWS: the string inputs of Base64Encode, Base64Decode and Hash are limited to 10,000 chars. */
  static final int MAX_STRING_INPUT = 10_000;

  private final String fn;
  private final List<JsonNode> args;

  IntrinsicArgs(String fn, List<JsonNode> args) {
    this.fn = fn;
    this.args = args;
  }

  StatesFailure fail() {
    return new StatesFailure("States.Runtime", "Invalid arguments in " + fn);
  }

  int size() {
    return args.size();
  }

  List<JsonNode> all() {
    return args;
  }

  /** Exactly {@code n} arguments. */
  IntrinsicArgs arity(int n) {
    return arity(n, n);
  }

  IntrinsicArgs arity(int min, int max) {
    if (args.size() < min || args.size() > max) {
      throw fail();
    }
    return this;
  }

  JsonNode arg(int i) {
    if (i >= args.size()) {
      throw fail();
    }
    return args.get(i);
  }

  String str(int i) {
    JsonNode n = arg(i);
    if (!n.isTextual()) {
      throw fail();
    }
    return n.textValue();
  }

  /** A string argument of at most {@link #MAX_STRING_INPUT} characters. */
  String limitedStr(int i) {
    String s = str(i);
    if (s.length() > MAX_STRING_INPUT) {
      throw fail();
    }
    return s;
  }

  ArrayNode arr(int i) {
    JsonNode n = arg(i);
    if (!n.isArray()) {
      throw fail();
    }
    return (ArrayNode) n;
  }

  /**
   * A number argument cut to an integer toward zero, as AWS does for the "integer" arguments of
   * ArrayRange, ArrayPartition, ArrayGetItem and MathRandom (observed: ArrayPartition 2.6 behaves
   * as 2, ArrayRange(5.4, -0.6, -2.4) as (5, 0, -2), ArrayGetItem index 1.2 as 1). Values beyond
   * the int range saturate, like Java's (int) cast.
   */
  long truncated(int i) {
    JsonNode n = arg(i);
    if (!n.isNumber()) {
      throw fail();
    }
    return (long) (int) n.asDouble();
  }

  /**
   * A number argument rounded to the nearest integer, as the AWS page documents for MathAdd ("If
   * you specify a non-integer value for one or both the arguments, Step Functions will round it off
   * to the nearest integer"; 1.6 + 2.7 = 5). Step Functions runs on Java, whose {@code Math.round}
   * rounds halves up (toward positive infinity): 1.5 -> 2, -1.5 -> -1, -2.5 -> -2.
   */
  long rounded(int i) {
    JsonNode n = arg(i);
    if (!n.isNumber()) {
      throw fail();
    }
    BigDecimal r = roundHalfUp(n.decimalValue());
    if (r.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
        || r.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
      throw fail();
    }
    return r.longValueExact();
  }

  /** Java {@code Math.round}: half up toward positive infinity. */
  static BigDecimal roundHalfUp(BigDecimal d) {
    return d.setScale(0, d.signum() >= 0 ? RoundingMode.HALF_UP : RoundingMode.HALF_DOWN);
  }
}
