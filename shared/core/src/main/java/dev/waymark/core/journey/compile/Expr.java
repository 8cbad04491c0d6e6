package dev.waymark.core.journey.compile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.regex.Pattern;

/** JSONata pieces of the compiled ASL: {@code {% ... %}} templates and the run's input fields. */
final class Expr {
  /** The run input ({@code journeyId, version, runId, profileId, entry}), readable in any state. */
  static final String RUN = "$states.context.Execution.Input";

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private Expr() {}

  static String of(String expression) {
    return "{% " + expression + " %}";
  }

  /** A field of the run input, e.g. {@code run("entry.properties.id")}. */
  static String run(String dotted) {
    return of(RUN + "." + path(dotted));
  }

  /** A dotted path as JSONata, back-quoting the segments that are not plain names. */
  static String path(String dotted) {
    StringBuilder out = new StringBuilder();
    for (String segment : dotted.split("\\.", -1)) {
      if (!out.isEmpty()) {
        out.append('.');
      }
      out.append(NAME.matcher(segment).matches() ? segment : "`" + segment + "`");
    }
    return out.toString();
  }

  /**
   * A text from the document as a literal: Step Functions would evaluate one that starts with
   * {@code {%} and ends with {@code %}} (a Liquid tag in a webhook body can), so such a text is
   * written as a JSONata string literal instead.
   */
  static String literal(String value) {
    String t = value.strip();
    return t.startsWith("{%") && t.endsWith("%}") ? of(text(value)) : value;
  }

  /** {@link #literal} applied to every text in a JSON value from the document. */
  static JsonNode literals(JsonNode value) {
    if (value == null) {
      return null;
    }
    if (value.isTextual()) {
      return TextNode.valueOf(literal(value.textValue()));
    }
    JsonNode copy = value.deepCopy();
    if (copy instanceof ObjectNode o) {
      o.properties().forEach(e -> e.setValue(literals(e.getValue())));
    } else if (copy instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        a.set(i, literals(a.get(i)));
      }
    }
    return copy;
  }

  /** A JSONata string literal. */
  static String text(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
