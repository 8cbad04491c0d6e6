package dev.waymark.core.journey.compile;

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

  /** A JSONata string literal. */
  static String text(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
