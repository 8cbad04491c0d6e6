package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.path.PayloadTemplate;
import dev.waymark.states.task.IntegrationPattern;
import dev.waymark.states.task.TaskResource;

/** The Task state: parameters, timeouts, dispatch (with Retry/Catch), result processing. */
final class TaskState {
  private TaskState() {}

  /**
   * Timeout and heartbeat in seconds (0 = none) and the evaluated Credentials role (null = none).
   */
  record Options(long timeoutSeconds, long heartbeatSeconds, String credentialsRoleArn) {}

  static Transition run(StateRun r) {
    return ErrorHandling.run(r, () -> attempt(r), null);
  }

  private static Transition attempt(StateRun r) {
    JsonNode eff = Io.effectiveInput(r);
    TaskResource res = TaskResource.parse(resource(r));
    if (res.pattern() != IntegrationPattern.REQUEST_RESPONSE
        && (r.taskToken == null || r.retryCount > 0)) {
      r.taskToken = r.frame.rt.tokens.issue(new Pending());
    }
    JsonNode params = Io.parameters(r, eff);
    Options limits = options(r, eff);
    JsonNode result;
    try {
      result =
          r.test != null && r.test.mocked()
              ? r.test.mockOutcome()
              : TaskCalls.call(r, res, params, limits);
    } finally {
      if (r.taskToken != null) {
        r.frame.rt.tokens.close(r.taskToken); // late callbacks get TaskTimedOut, as on AWS
      }
    }
    r.inspect("result", result);
    result = Io.resultSelector(r, result);
    return Io.finish(r, result, eff, SimpleStates.next(r));
  }

  private static String resource(StateRun r) {
    JsonNode res = r.field("Resource");
    if (r.jsonata && dev.waymark.states.jsonata.JsonataEval.isExpression(res)) {
      return r.jsonata(res, "Resource", r.input, null, null).asText();
    }
    return res.asText();
  }

  private static Options options(StateRun r, JsonNode eff) {
    long timeout = seconds(r, eff, "TimeoutSeconds", "TimeoutSecondsPath");
    long heartbeat = seconds(r, eff, "HeartbeatSeconds", "HeartbeatSecondsPath");
    return new Options(timeout, heartbeat, credentials(r, eff));
  }

  private static String credentials(StateRun r, JsonNode eff) {
    JsonNode spec = r.field("Credentials");
    if (spec == null) {
      return null;
    }
    JsonNode c =
        r.jsonata
            ? r.jsonata(spec, "Credentials", r.input, null, null)
            : PayloadTemplate.apply(spec, r.evalContext(eff));
    return c.path("RoleArn").asText(null);
  }

  /** AWS: TimeoutSeconds and HeartbeatSeconds are positive integers of at most 99999999. */
  static final long MAX_SECONDS = 99_999_999L;

  /**
   * A positive number of seconds from the literal/JSONata field or the path field; 0 when neither
   * is set. A path that selects nothing fails as AWS records it ({@code Invalid path '$.x' : No
   * results for path: $['x']}).
   */
  private static long seconds(StateRun r, JsonNode eff, String field, String pathField) {
    if (r.has(field)) {
      JsonNode v = r.field(field);
      if (r.jsonata && !v.isNumber()) {
        v = r.jsonata(v, field, r.input, null, null);
      }
      if (!validSeconds(v)) {
        throw new StatesFailure(
            "States.Runtime", "The " + field + " value must be a positive integer: " + v);
      }
      return v.asLong();
    }
    if (r.has(pathField)) {
      String path = r.field(pathField).asText();
      JsonNode v = PathValues.resolve(r, eff, path);
      if (!validSeconds(v)) {
        throw new StatesFailure(
            "States.Runtime",
            "The " + pathField + " parameter references an invalid value: " + path + " == " + v);
      }
      return v.asLong();
    }
    return 0;
  }

  private static boolean validSeconds(JsonNode v) {
    return v.isIntegralNumber()
        && v.canConvertToLong()
        && v.asLong() > 0
        && v.asLong() <= MAX_SECONDS;
  }
}
