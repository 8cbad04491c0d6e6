package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.json.Json;
import dev.waymark.states.task.LambdaHandler;
import java.util.UUID;

/**
 * {@code arn:aws:states:::lambda:invoke}: calls the handler and wraps the result like the AWS SDK
 * response.
 */
final class LambdaInvoke {
  private LambdaInvoke() {}

  static JsonNode invoke(EngineRuntime rt, JsonNode params) throws Exception {
    String fn = params.path("FunctionName").asText(null);
    if (fn == null) {
      throw new StatesFailure(
          "States.Runtime", "The field 'FunctionName' is required for lambda:invoke");
    }
    LambdaHandler h = rt.lambda(fn);
    if (h == null) {
      String arn =
          fn.startsWith("arn:")
              ? fn
              : "arn:aws:lambda:" + rt.region + ":" + rt.accountId + ":function:" + fn;
      throw new StatesFailure(
          "Lambda.ResourceNotFoundException",
          "Function not found: "
              + arn
              + ":$LATEST "
              + "(Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: "
              + java.util.UUID.randomUUID()
              + "; Proxy: null)");
    }
    JsonNode payload = params.hasNonNull("Payload") ? params.get("Payload") : Json.object();
    if (payload.isTextual()) {
      try {
        payload = Json.parse(payload.textValue());
      } catch (IllegalArgumentException e) {
        // keep a non-JSON string payload as is
      }
    }
    JsonNode out = h.handle(payload.deepCopy());
    ObjectNode result = wrap(out == null ? Json.F.nullNode() : out);
    if ("Tail".equals(params.path("LogType").asText())) {
      String log = "START RequestId: " + UUID.randomUUID() + " Version: $LATEST\nEND\n";
      result.put(
          "LogResult",
          java.util.Base64.getEncoder()
              .encodeToString(log.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    return result;
  }

  static ObjectNode wrap(JsonNode payload) {
    String requestId = UUID.randomUUID().toString();
    ObjectNode o = Json.object();
    o.put("ExecutedVersion", "$LATEST");
    o.set("Payload", payload);
    ObjectNode meta = o.putObject("SdkHttpMetadata");
    ObjectNode all = meta.putObject("AllHttpHeaders");
    all.putArray("X-Amz-Executed-Version").add("$LATEST");
    all.putArray("x-amzn-RequestId").add(requestId);
    all.putArray("Content-Type").add("application/json");
    ObjectNode hh = meta.putObject("HttpHeaders");
    hh.put("Content-Type", "application/json");
    hh.put("X-Amz-Executed-Version", "$LATEST");
    hh.put("x-amzn-RequestId", requestId);
    meta.put("HttpStatusCode", 200);
    o.putObject("SdkResponseMetadata").put("RequestId", requestId);
    o.put("StatusCode", 200);
    return o;
  }
}
