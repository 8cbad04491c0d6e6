package dev.waymark.states.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.json.Json;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares our values with the corpus's recorded (normalised) values: placeholders such as {@code
 * <uuid:1>}, {@code <partition>}, {@code "date"} match anything; JSON-looking strings compare
 * structurally; the SDK HTTP metadata of service responses (headers, lengths, request ids) is
 * ignored.
 */
final class Masking {
  /** Values the recordings normalised to fixed words (dates, generated names, random numbers). */
  private static final Set<String> WILDCARDS =
      Set.of(
          "date",
          "datetime",
          "timestamp",
          "RandomNumberGenerated",
          "start-date",
          "stop-date",
          "start-time",
          "entered-time",
          "map_run_arn",
          "state-machine-arn",
          "execution-arn",
          "table-name",
          "sqs_queue_url");

  private static final Set<String> IGNORED_KEYS = Set.of("SdkHttpMetadata", "SdkResponseMetadata");
  private static final Pattern PLACEHOLDER = Pattern.compile("<[^<>]+>");

  private Masking() {}

  /** Null when equal under masking, else a short description of the first difference. */
  static String diff(JsonNode expected, JsonNode actual, String at) {
    if (expected == null || expected.isMissingNode()) {
      return null;
    }
    if (actual == null || actual.isMissingNode()) {
      return at + ": missing, expected " + abbreviate(expected);
    }
    if (expected.isTextual()) {
      return textDiff(expected.textValue(), actual, at);
    }
    if (expected.isObject() && actual.isTextual()) {
      JsonNode parsed = tryParse(actual.textValue());
      return parsed == null
          ? at + ": expected object, got string " + abbreviate(actual)
          : diff(expected, parsed, at);
    }
    if (expected.isObject() && actual.isObject()) {
      var it = expected.fields();
      while (it.hasNext()) {
        var e = it.next();
        if (IGNORED_KEYS.contains(e.getKey())) {
          continue;
        }
        String d = diff(e.getValue(), actual.get(e.getKey()), at + "." + e.getKey());
        if (d != null) {
          return d;
        }
      }
      var keys = actual.fieldNames();
      while (keys.hasNext()) {
        String k = keys.next();
        if (!expected.has(k) && !IGNORED_KEYS.contains(k)) {
          return at + ": unexpected key " + k;
        }
      }
      return null;
    }
    if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        return at + ": array size " + actual.size() + " != " + expected.size();
      }
      for (int i = 0; i < expected.size(); i++) {
        String d = diff(expected.get(i), actual.get(i), at + "[" + i + "]");
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0
          ? null
          : at + ": " + actual + " != " + expected;
    }
    return expected.equals(actual)
        ? null
        : at + ": " + abbreviate(actual) + " != " + abbreviate(expected);
  }

  private static String textDiff(String exp, JsonNode actual, String at) {
    if (WILDCARDS.contains(exp)) {
      return null;
    }
    if (!actual.isTextual()) {
      return textMatches(exp, Json.write(actual))
          ? null
          : at + ": " + abbreviate(actual) + " != \"" + abbreviate(exp) + "\"";
    }
    String act = actual.textValue();
    if (textMatches(exp, act)) {
      return null;
    }
    JsonNode e = tryParse(exp);
    JsonNode a = tryParse(act);
    if (e != null
        && a != null
        && !(e.isTextual() && e.textValue().equals(exp))
        && diff(e, a, at) == null) {
      return null;
    }
    if (exp.startsWith("{'") && a != null && textMatches(exp, LambdaStubs.Py.reprInner(a))) {
      return null;
    }
    return at + ": \"" + abbreviate(act) + "\" != \"" + abbreviate(exp) + "\"";
  }

  static boolean textMatches(String exp, String act) {
    if (exp.equals(act)) {
      return true;
    }
    if (!PLACEHOLDER.matcher(exp).find() && !exp.contains("\"date\"")) {
      return false;
    }
    StringBuilder re = new StringBuilder("(?s)");
    var m = PLACEHOLDER.matcher(exp);
    int last = 0;
    while (m.find()) {
      re.append(Pattern.quote(exp.substring(last, m.start()))).append(".*?");
      last = m.end();
    }
    re.append(Pattern.quote(exp.substring(last)));
    return Pattern.compile(re.toString()).matcher(act).matches();
  }

  private static JsonNode tryParse(String s) {
    try {
      return Json.parse(s);
    } catch (RuntimeException e) {
      return null;
    }
  }

  static String abbreviate(Object o) {
    String s = o instanceof JsonNode n ? Json.write(n) : String.valueOf(o);
    return s.length() > 160 ? s.substring(0, 160) + "..." : s;
  }
}
