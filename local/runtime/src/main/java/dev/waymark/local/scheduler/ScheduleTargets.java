package dev.waymark.local.scheduler;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.waymark.ddblocal.CloudFormationYaml;
import dev.waymark.local.functions.LocalLambdaContext;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The functions schedules can invoke: a target ARN names a function of template.yaml (its logical
 * id, e.g. {@code arn:aws:lambda:us-east-1:000000000000:function:DateTriggerFunction}, or the
 * template's own {@code DateTriggerFunction.Alias}), which names a handler class; the handler runs
 * in-process with the schedule's input.
 */
public final class ScheduleTargets {
  private final Map<String, String> handlerOfFunction = new HashMap<>();
  private final Map<String, RequestHandler<Map<String, Object>, ?>> handlers;
  private final Map<String, Function<Instant, Optional<Instant>>> quietUntil = new HashMap<>();

  @SuppressWarnings("unchecked")
  public ScheduleTargets(
      Path template, Map<String, RequestHandler<Map<String, Object>, ?>> handlersByClass) {
    this.handlers = Map.copyOf(handlersByClass);
    CloudFormationYaml.resources(template)
        .forEach(
            (logicalId, resource) -> {
              if ("AWS::Serverless::Function".equals(resource.get("Type"))) {
                Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
                handlerOfFunction.put(
                    logicalId, String.valueOf(properties.get("Handler")).split("::", 2)[0]);
              }
            });
  }

  /** The function (logical id) a target ARN or template reference names. */
  static String functionOf(String target) {
    String name =
        target.contains(":function:")
            ? target.substring(target.indexOf(":function:") + 10)
            : target;
    name = name.split("[:.]", 2)[0];
    return name;
  }

  public static String localArn(String logicalId) {
    return "arn:aws:lambda:us-east-1:000000000000:function:" + logicalId;
  }

  /**
   * Tells when the function next has work: given an occurrence, the earliest instant at or after it
   * at which a run could do anything, or none while it has nothing to do (runs before it are passed
   * over). Functions without one run at every occurrence.
   */
  public ScheduleTargets withQuietUntil(
      String handlerClass, Function<Instant, Optional<Instant>> nextWork) {
    quietUntil.put(handlerClass, nextWork);
    return this;
  }

  /**
   * The earliest instant at or after {@code occurrence} at which the target may have work; empty
   * when it has none now.
   */
  Optional<Instant> quietUntil(String target, Instant occurrence) {
    String handlerClass = handlerOfFunction.get(functionOf(target));
    Function<Instant, Optional<Instant>> hint =
        handlerClass == null ? null : quietUntil.get(handlerClass);
    if (hint == null) {
      return Optional.of(occurrence);
    }
    return hint.apply(occurrence).map(work -> work.isBefore(occurrence) ? occurrence : work);
  }

  /** Invokes the target with the input; an unknown target is an error the scheduler reports. */
  Object invoke(String target, Map<String, Object> input) {
    String function = functionOf(target);
    String handlerClass = handlerOfFunction.get(function);
    RequestHandler<Map<String, Object>, ?> handler =
        handlerClass == null ? null : handlers.get(handlerClass);
    if (handler == null) {
      throw new IllegalStateException("no local handler for schedule target " + target);
    }
    return handler.handleRequest(input, LocalLambdaContext.of(function));
  }
}
