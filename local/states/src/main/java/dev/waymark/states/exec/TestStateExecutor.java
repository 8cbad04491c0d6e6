package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.asl.Definition;
import dev.waymark.states.json.Json;
import java.util.Map;

/**
 * Runs a single state for the TestState API with mocks and inspection, never touching execution
 * bookkeeping.
 */
public final class TestStateExecutor {
  private TestStateExecutor() {}

  /** TestState's answer: status SUCCEEDED, FAILED, RETRIABLE or CAUGHT_ERROR. */
  public record Outcome(
      String status,
      JsonNode output,
      String error,
      String cause,
      String nextState,
      ObjectNode errorDetails) {}

  public static Outcome run(
      EngineRuntime rt,
      ExecutionRecord rec,
      Definition def,
      String stateName,
      JsonNode input,
      Map<String, JsonNode> variables,
      TestHooks hooks) {
    Frame frame = Frame.root(rt, rec, 0);
    frame.vars.assign(variables);
    StateRun run = new StateRun(frame, def, stateName, input);
    run.test = hooks;
    run.inspect("input", input);
    try {
      Transition t = StateRunner.run(run);
      StatesFailure caught = hooks.caught();
      if (caught != null) {
        return new Outcome(
            "CAUGHT_ERROR", t.output(), caught.error(), caught.cause(), t.next(), null);
      }
      return new Outcome("SUCCEEDED", t.output(), null, null, t.next(), null);
    } catch (TestHooks.Retriable r) {
      ObjectNode details = Json.object();
      details.put("retryBackoffIntervalSeconds", r.backoffSeconds);
      details.put("retryIndex", r.retrierIndex);
      return new Outcome("RETRIABLE", null, r.failure.error(), r.failure.cause(), null, details);
    } catch (StatesFailure f) {
      return new Outcome("FAILED", null, f.error(), f.cause(), null, null);
    }
  }
}
