package dev.waymark.states.path;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.StatesFailure;

/** Resolves ASL path strings: '$...' (input), '$$...' (context object), '$var...' (variables). */
public final class PathResolver {
  private PathResolver() {}

  /** Resolves a path; throws {@link JsonPaths.PathMissing} when nothing matches. */
  public static JsonNode resolve(String path, EvalContext ctx) {
    if (path.startsWith("$$")) {
      return JsonPaths.read(ctx.context(), path.substring(1));
    }
    if (path.equals("$") || path.startsWith("$.") || path.startsWith("$[")) {
      return JsonPaths.read(ctx.input(), path);
    }
    if (path.startsWith("$")) {
      int end = 1;
      while (end < path.length()
          && (Character.isLetterOrDigit(path.charAt(end)) || path.charAt(end) == '_')) {
        end++;
      }
      String name = path.substring(1, end);
      JsonNode value = ctx.variables() == null ? null : ctx.variables().apply(name);
      if (value == null) {
        throw new StatesFailure("States.Runtime", "The variable '$" + name + "' is not defined.");
      }
      return end == path.length() ? value : JsonPaths.read(value, "$" + path.substring(end));
    }
    throw new JsonPaths.PathMissing("Invalid path: " + path);
  }
}
