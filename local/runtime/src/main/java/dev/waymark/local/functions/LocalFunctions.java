package dev.waymark.local.functions;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.waymark.core.json.Json;
import dev.waymark.local.faults.FaultPlan;
import dev.waymark.local.faults.Faults;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.task.LambdaHandler;
import java.util.Map;
import java.util.function.Function;

/**
 * The Lambda functions the local state machines call, found as template.yaml names them (function
 * logical id → handler class) among the handler instances the runtime built. A handler's exception
 * fails the task with its full class name as the error, as in Lambda.
 */
public final class LocalFunctions {
  private LocalFunctions() {}

  /**
   * Resolves a function (its name, {@code name:qualifier}, or its ARN, unqualified or with an alias
   * or version such as {@code ...:function:StepFunction:live}) to an in-process handler, or null.
   */
  public static Function<String, LambdaHandler> resolver(
      Map<String, String> handlerClassByFunction,
      Map<String, RequestHandler<Map<String, Object>, Map<String, Object>>> handlersByClass) {
    return resolver(handlerClassByFunction, handlersByClass, new Faults());
  }

  /**
   * As above, with the task faults of {@code faults} injected: a failure is Lambda's {@code
   * Lambda.ServiceException} before the function runs; a time-out is {@code Sandbox.Timedout} after
   * it ran (its work is done, its answer lost), as a Lambda function that times out reports it.
   */
  public static Function<String, LambdaHandler> resolver(
      Map<String, String> handlerClassByFunction,
      Map<String, RequestHandler<Map<String, Object>, Map<String, Object>>> handlersByClass,
      Faults faults) {
    return functionName -> {
      String name = functionNameOf(functionName);
      String handlerClass = handlerClassByFunction.get(name);
      RequestHandler<Map<String, Object>, Map<String, Object>> handler =
          handlerClass == null ? null : handlersByClass.get(handlerClass);
      return handler == null ? null : withFaults(name, adapt(name, handler), faults);
    };
  }

  private static LambdaHandler withFaults(String name, LambdaHandler handler, Faults faults) {
    return payload -> {
      Faults.Fault fault = faults.next(FaultPlan.Target.TASKS, name);
      if (fault == Faults.Fault.FIRST) {
        throw injected(
            "Lambda.ServiceException", "injected by /_local/faults: " + name + " failed");
      }
      var output = handler.handle(payload);
      if (fault == Faults.Fault.SECOND) {
        throw injected("Sandbox.Timedout", "injected by /_local/faults: " + name + " timed out");
      }
      return output;
    };
  }

  private static StatesFailure injected(String error, String message) {
    return new StatesFailure(
        error, Json.write(Json.object().put("errorMessage", message).put("errorType", error)));
  }

  /** The function's name in {@code name}, {@code name:qualifier} or a function ARN. */
  static String functionNameOf(String function) {
    int marker = function.indexOf(":function:");
    String rest = marker < 0 ? function : function.substring(marker + ":function:".length());
    int qualifier = rest.indexOf(':');
    return qualifier < 0 ? rest : rest.substring(0, qualifier);
  }

  @SuppressWarnings("unchecked")
  private static LambdaHandler adapt(
      String name, RequestHandler<Map<String, Object>, Map<String, Object>> handler) {
    return payload -> {
      Map<String, Object> input = Json.MAPPER.convertValue(payload, Map.class);
      try {
        Map<String, Object> output = handler.handleRequest(input, LocalLambdaContext.of(name));
        return Json.MAPPER.valueToTree(output);
      } catch (RuntimeException e) {
        throw functionError(e);
      }
    };
  }

  /**
   * A handler's exception as Lambda's Java runtime reports it: the error type is the exception's
   * full class name (so {@code Waymark.WebhookFailed} is caught as that), the cause its message.
   */
  static StatesFailure functionError(RuntimeException e) {
    return StatesFailure.ofJavaHandler(e);
  }
}
