package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.json.Json;
import dev.waymark.states.task.IntegrationPattern;
import dev.waymark.states.task.LambdaHandler;
import dev.waymark.states.task.ServiceIntegration;
import dev.waymark.states.task.ServiceRequest;
import dev.waymark.states.task.TaskResource;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Dispatches a Task to a Lambda handler, a service integration or a nested execution, with history
 * events.
 */
final class TaskCalls {
  private TaskCalls() {}

  static JsonNode call(StateRun r, TaskResource res, JsonNode params, TaskState.Options limits) {
    return switch (res.kind()) {
      case LAMBDA_ARN -> legacyLambda(r, res, params, limits);
      case SERVICE -> service(r, res, params, limits);
      case ACTIVITY -> ActivityCalls.call(r, res, params, limits, timeoutAt(r, limits));
      default ->
          throw new StatesFailure("States.Runtime", "Unsupported Task resource: " + res.arn());
    };
  }

  private static JsonNode legacyLambda(
      StateRun r, TaskResource res, JsonNode params, TaskState.Options limits) {
    ObjectNode d = scheduledDetails(res, params, limits);
    credentials(d, limits);
    r.frame.event("LambdaFunctionScheduled", "lambdaFunctionScheduledEventDetails", d);
    r.frame.event("LambdaFunctionStarted", null, null);
    LambdaHandler h = r.frame.rt.lambda(res.arn());
    return withOutcomeEvents(
        r,
        "LambdaFunction",
        null,
        () -> {
          JsonNode out =
              TaskWaits.runWork(r, () -> invokeLambda(h, res.arn(), params), timeoutAt(r, limits));
          StateRunner.checkSize(res.arn(), out);
          return out;
        });
  }

  private static JsonNode invokeLambda(LambdaHandler h, String name, JsonNode payload)
      throws Exception {
    if (h == null) {
      throw new StatesFailure(
          "Lambda.ResourceNotFoundException",
          "Function not found: "
              + name
              + " (no in-process Lambda handler registered under this name)");
    }
    JsonNode out = h.handle(payload.deepCopy());
    return out == null ? Json.F.nullNode() : out;
  }

  private static JsonNode service(
      StateRun r, TaskResource res, JsonNode params, TaskState.Options limits) {
    ObjectNode d = Json.object();
    d.put("parameters", Json.write(params));
    d.put("region", r.frame.rt.region);
    d.put("resource", res.eventResource());
    d.put("resourceType", res.eventResourceType());
    if (limits.timeoutSeconds() > 0) {
      d.put("timeoutInSeconds", limits.timeoutSeconds());
    }
    if (limits.heartbeatSeconds() > 0) {
      d.put("heartbeatInSeconds", limits.heartbeatSeconds());
    }
    credentials(d, limits);
    r.frame.event("TaskScheduled", "taskScheduledEventDetails", d);
    r.frame.event("TaskStarted", "taskStartedEventDetails", resourceDetails(res));
    Instant timeoutAt = timeoutAt(r, limits);
    return withOutcomeEvents(
        r,
        "Task",
        res,
        () -> {
          JsonNode out = dispatch(r, res, params, timeoutAt, limits);
          StateRunner.checkSize(res.eventResourceType(), out);
          return out;
        });
  }

  /**
   * Runs {@code work} and records how it ended: {@code <prefix>Succeeded} with its output, or
   * {@code <prefix>TimedOut} / {@code <prefix>Failed} with the error (each with the resource's
   * details when {@code res} is given).
   */
  static JsonNode withOutcomeEvents(
      StateRun r, String prefix, TaskResource res, Supplier<JsonNode> work) {
    String key = Character.toLowerCase(prefix.charAt(0)) + prefix.substring(1);
    try {
      JsonNode out = work.get();
      ObjectNode details = withOutput(res == null ? Json.object() : resourceDetails(res), out);
      r.frame.event(prefix + "Succeeded", key + "SucceededEventDetails", details);
      return out;
    } catch (TaskWaits.TimedOut t) {
      r.frame.event(prefix + "TimedOut", key + "TimedOutEventDetails", errorDetails(t, res));
      throw t;
    } catch (StatesFailure f) {
      r.frame.event(prefix + "Failed", key + "FailedEventDetails", errorDetails(f, res));
      throw f;
    }
  }

  /** The details of a scheduled event: input, resource and, if set, the timeout. */
  static ObjectNode scheduledDetails(TaskResource res, JsonNode params, TaskState.Options limits) {
    ObjectNode d = Json.object();
    d.put("input", Json.write(params));
    d.putObject("inputDetails").put("truncated", false);
    d.put("resource", res.arn());
    if (limits.timeoutSeconds() > 0) {
      d.put("timeoutInSeconds", limits.timeoutSeconds());
    }
    return d;
  }

  /** Adds {@code output} (and its untruncated details) to history event details. */
  static ObjectNode withOutput(ObjectNode details, JsonNode output) {
    details.put("output", Json.write(output));
    details.putObject("outputDetails").put("truncated", false);
    return details;
  }

  private static JsonNode dispatch(
      StateRun r, TaskResource res, JsonNode params, Instant timeoutAt, TaskState.Options limits) {
    Callable<JsonNode> work = work(r, res, params);
    JsonNode submitted = TaskWaits.runWork(r, work, timeoutAt);
    if (res.pattern() == IntegrationPattern.REQUEST_RESPONSE) {
      return submitted;
    }
    r.frame.event(
        "TaskSubmitted", "taskSubmittedEventDetails", withOutput(resourceDetails(res), submitted));
    if (res.pattern() == IntegrationPattern.WAIT_FOR_TASK_TOKEN) {
      return awaitToken(r, timeoutAt, limits);
    }
    if (res.service().equals("states") && res.action().equals("startExecution")) {
      return NestedExecutions.awaitChild(r, submitted, timeoutAt, res.pattern());
    }
    return submitted;
  }

  private static JsonNode awaitToken(StateRun r, Instant timeoutAt, TaskState.Options limits) {
    Pending p = r.frame.rt.tokens.pendingFor(r.taskToken);
    return TaskWaits.awaitToken(r, p, timeoutAt, limits.heartbeatSeconds());
  }

  private static Callable<JsonNode> work(StateRun r, TaskResource res, JsonNode params) {
    EngineRuntime rt = r.frame.rt;
    if (res.service().equals("lambda") && res.action().equals("invoke")) {
      return () -> LambdaInvoke.invoke(rt, params);
    }
    if (res.service().equals("states") && res.action().equals("startExecution")) {
      return () -> NestedExecutions.start(r, params);
    }
    if (res.service().equals("aws-sdk:sfn") && SdkSfn.supports(res.action())) {
      return () -> SdkSfn.call(r, res.action(), params);
    }
    for (ServiceIntegration si : rt.integrations) {
      if (si.supports(res.service(), res.action())) {
        ServiceRequest req =
            new ServiceRequest(
                res.arn(),
                res.service(),
                res.action(),
                res.pattern(),
                params,
                r.taskToken,
                rt.region,
                rt.accountId);
        return () -> si.invoke(req);
      }
    }
    return () -> {
      throw new StatesFailure(
          "States.Runtime",
          "The resource '"
              + res.arn()
              + "' is not supported by the "
              + "local executor (no ServiceIntegration registered for "
              + res.service()
              + ":"
              + res.action()
              + ")");
    };
  }

  static void credentials(ObjectNode details, TaskState.Options options) {
    if (options.credentialsRoleArn() != null) {
      details.putObject("taskCredentials").put("roleArn", options.credentialsRoleArn());
    }
  }

  static Instant timeoutAt(StateRun r, TaskState.Options limits) {
    return limits.timeoutSeconds() > 0
        ? r.frame.rt.clock.now().plusSeconds(limits.timeoutSeconds())
        : null;
  }

  private static ObjectNode resourceDetails(TaskResource res) {
    ObjectNode d = Json.object();
    d.put("resource", res.eventResource());
    d.put("resourceType", res.eventResourceType());
    return d;
  }

  static ObjectNode errorDetails(StatesFailure f, TaskResource res) {
    ObjectNode d = res == null ? Json.object() : resourceDetails(res);
    if (f.cause() != null && !(f instanceof TaskWaits.TimedOut)) {
      d.put("cause", f.cause());
    }
    d.put("error", f.error());
    return d;
  }
}
