package dev.waymark.local.functions;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.waymark.core.json.Json;
import dev.waymark.states.task.LambdaHandler;
import java.util.Map;
import java.util.function.Function;

/**
 * The Lambda functions the local state machines call, found as template.yaml names them (function
 * logical id → handler class) among the handler instances the runtime built.
 */
public final class LocalFunctions {
  private LocalFunctions() {}

  /** Resolves a function name (the last part of its ARN) to an in-process handler, or null. */
  public static Function<String, LambdaHandler> resolver(
      Map<String, String> handlerClassByFunction,
      Map<String, RequestHandler<Map<String, Object>, Map<String, Object>>> handlersByClass) {
    return functionName -> {
      String name = functionName.substring(functionName.lastIndexOf(':') + 1);
      RequestHandler<Map<String, Object>, Map<String, Object>> handler =
          handlersByClass.get(handlerClassByFunction.get(name));
      return handler == null ? null : adapt(name, handler);
    };
  }

  @SuppressWarnings("unchecked")
  private static LambdaHandler adapt(
      String name, RequestHandler<Map<String, Object>, Map<String, Object>> handler) {
    return payload -> {
      Map<String, Object> input = Json.MAPPER.convertValue(payload, Map.class);
      Map<String, Object> output = handler.handleRequest(input, LocalLambdaContext.of(name));
      return Json.MAPPER.valueToTree(output);
    };
  }
}
