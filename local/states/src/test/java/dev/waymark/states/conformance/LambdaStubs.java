package dev.waymark.states.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.clock.EngineClock;
import dev.waymark.states.json.Json;
import dev.waymark.states.task.LambdaHandler;
import java.time.Duration;
import java.util.UUID;

/** Local equivalents of the corpus's Python Lambda handlers (see the corpus README). */
final class LambdaStubs {
  private LambdaStubs() {}

  static LambdaHandler forFile(String file, EngineClock clock) {
    String base = file.substring(file.lastIndexOf('/') + 1);
    return switch (base) {
      case "id_function.py" -> in -> in;
      case "raise_exception.py" ->
          in -> {
            throw pythonError(
                "Exception",
                "Some exception was raised.",
                "  File \"/var/task/handler.py\", line 2, in handler\n    raise Exception(\"Some exception was raised.\")\n");
          };
      case "raise_custom_exception.py" ->
          in -> {
            throw pythonError(
                "CustomException",
                "",
                "  File \"/var/task/handler.py\", line 9, in handler\n    raise CustomException()\n");
          };
      case "return_bytes_str.py" -> in -> Json.F.textNode("HelloWorld!");
      case "return_decorated_input.py" -> in -> Json.F.textNode("input-event-" + Py.repr(in));
      case "large_output_string.py" -> in -> Json.F.textNode("a".repeat(257 * 1024));
      case "wait_60_seconds.py" ->
          in -> {
            clock.sleep(Duration.ofSeconds(60));
            return in;
          };
      case "echo_function.py" -> in -> Json.object().put("Return", "HelloWorld");
      default -> throw new IllegalArgumentException("no stub for " + file);
    };
  }

  private static StatesFailure pythonError(String type, String message, String trace) {
    var cause = Json.object();
    cause.put("errorMessage", message);
    cause.put("errorType", type);
    cause.put("requestId", UUID.randomUUID().toString());
    cause.putArray("stackTrace").add(trace);
    return new StatesFailure(type, Json.write(cause));
  }

  /** Python repr of JSON values (how the corpus prints some Lambda-side values). */
  static final class Py {
    private Py() {}

    static String repr(JsonNode n) {
      if (n.isTextual()) {
        return n.textValue();
      }
      return reprInner(n);
    }

    static String reprInner(JsonNode n) {
      if (n.isObject()) {
        StringBuilder sb = new StringBuilder("{");
        var it = n.fields();
        while (it.hasNext()) {
          var e = it.next();
          sb.append(str(e.getKey())).append(": ").append(reprInner(e.getValue()));
          if (it.hasNext()) {
            sb.append(", ");
          }
        }
        return sb.append('}').toString();
      }
      if (n.isArray()) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n.size(); i++) {
          sb.append(i > 0 ? ", " : "").append(reprInner(n.get(i)));
        }
        return sb.append(']').toString();
      }
      if (n.isTextual()) {
        return str(n.textValue());
      }
      if (n.isBoolean()) {
        return n.booleanValue() ? "True" : "False";
      }
      if (n.isNull()) {
        return "None";
      }
      return n.toString();
    }

    static String str(String s) {
      boolean dq = s.contains("'") && !s.contains("\"");
      char q = dq ? '"' : '\'';
      StringBuilder sb = new StringBuilder().append(q);
      for (char c : s.toCharArray()) {
        switch (c) {
          case '\n' -> sb.append("\\n");
          case '\\' -> sb.append("\\\\");
          default -> {
            if (c == q) {
              sb.append('\\');
            }
            sb.append(c);
          }
        }
      }
      return sb.append(q).toString();
    }
  }
}
