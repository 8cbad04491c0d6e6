package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.StatesApiException;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.json.Json;
import java.util.Set;
import java.util.UUID;

/**
 * {@code arn:aws:states:::aws-sdk:sfn:*} against the same engine: start executions and answer task
 * tokens.
 */
final class SdkSfn {
  private static final Set<String> ACTIONS =
      Set.of("startExecution", "sendTaskSuccess", "sendTaskFailure", "sendTaskHeartbeat");

  private SdkSfn() {}

  static boolean supports(String action) {
    return ACTIONS.contains(action);
  }

  static JsonNode call(StateRun r, String action, JsonNode p) {
    try {
      return switch (action) {
        case "startExecution" -> NestedExecutions.start(r, p);
        case "sendTaskSuccess" -> {
          JsonNode out = p.path("Output");
          r.frame.rt.tokens.succeed(
              p.path("TaskToken").asText(null),
              out.isTextual() ? parseOrText(out.textValue()) : out);
          yield Json.object();
        }
        case "sendTaskFailure" -> {
          r.frame.rt.tokens.fail(
              p.path("TaskToken").asText(null),
              p.path("Error").asText(null),
              p.path("Cause").asText(null));
          yield Json.object();
        }
        default -> {
          r.frame.rt.tokens.heartbeat(p.path("TaskToken").asText(null));
          yield Json.object();
        }
      };
    } catch (StatesApiException e) {
      throw new StatesFailure(
          "Sfn." + e.code() + "Exception",
          e.getMessage()
              + " (Service: Sfn, Status Code: "
              + "400, Request ID: "
              + UUID.randomUUID()
              + ") (SDK Attempt Count: 1)");
    }
  }

  private static JsonNode parseOrText(String s) {
    try {
      return Json.parse(s);
    } catch (IllegalArgumentException e) {
      return Json.F.textNode(s);
    }
  }
}
