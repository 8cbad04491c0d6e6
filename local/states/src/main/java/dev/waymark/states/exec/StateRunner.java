package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.json.Json;
import dev.waymark.states.jsonata.JsonataEval;
import java.util.Map;

/**
 * Runs one state: entered/exited events, the type's handler, variable assignment, error context.
 */
final class StateRunner {
  private StateRunner() {}

  /**
   * State types that record a {@code <Type>StateAborted} event when a sibling failure cancels them.
   */
  private static final java.util.Set<String> ABORTABLE =
      java.util.Set.of("Task", "Wait", "Map", "Parallel");

  interface Handler {
    Transition run(StateRun r);
  }

  static Transition run(StateRun r) {
    r.enteredTime = r.frame.rt.clock.now();
    r.enteredPrevious = r.frame.lastEventId();
    r.enteredEventId =
        r.frame.event(r.type + "StateEntered", "stateEnteredEventDetails", entered(r));
    Transition t;
    try {
      checkSize(r, r.input);
      t = handler(r.type).run(r);
      checkSize(r, t.output());
    } catch (StatesFailure f) {
      StatesFailure g = contextualize(r, f);
      logEvaluationFailure(r, g);
      if (r.type.equals("Task")
          && r.frame.parallelBranch
          && !(g instanceof JsonataEval.QueryError)) {
        r.frame.event("TaskStateAborted", null, null);
      }
      throw g;
    } catch (Aborted a) {
      if (ABORTABLE.contains(r.type) && r.frame.exec.isRunning()) {
        r.frame.event(r.type + "StateAborted", null, null);
      }
      throw a;
    }
    if (!t.assigned().isEmpty()) {
      r.frame.vars.assign(t.assigned());
    }
    if (!r.type.equals("Fail")) {
      r.frame.event(r.type + "StateExited", "stateExitedEventDetails", exited(r, t));
    }
    return t;
  }

  private static Handler handler(String type) {
    return switch (type) {
      case "Pass" -> SimpleStates::pass;
      case "Succeed" -> SimpleStates::succeed;
      case "Fail" -> SimpleStates::fail;
      case "Wait" -> WaitState::run;
      case "Choice" -> ChoiceState::run;
      case "Task" -> TaskState::run;
      case "Parallel" -> ParallelState::run;
      case "Map" -> MapState::run;
      default ->
          r -> {
            throw new StatesFailure("States.Runtime", "Unsupported state type " + type);
          };
    };
  }

  /** Adds the "An error occurred while executing the state ..." prefix to engine-raised errors. */
  static StatesFailure contextualize(StateRun r, StatesFailure f) {
    String e = f.error();
    boolean engineError =
        e != null
            && (e.equals("States.Runtime")
                || e.equals("States.QueryEvaluationError")
                || e.equals("States.IntrinsicFailure"));
    if (!engineError
        || f.cause() == null
        || f.cause().startsWith("An error occurred while executing")) {
      return f;
    }
    if (f instanceof JsonataEval.QueryError q) {
      JsonataEval.QueryError copy =
          new JsonataEval.QueryError(
              q.duringEvaluation() ? "" : null, q.field(), r.causePrefix() + f.cause());
      return copy;
    }
    return new StatesFailure(e, r.causePrefix() + f.cause());
  }

  /** Emits EvaluationFailed once for a States.QueryEvaluationError. */
  static void logEvaluationFailure(StateRun r, StatesFailure f) {
    if (f instanceof JsonataEval.QueryError q && !q.logged) {
      q.logged = true;
      ObjectNode d = Json.object();
      d.put("cause", f.cause());
      d.put("error", f.error());
      if (q.field() != null) {
        d.put("location", q.field());
      }
      d.put("state", r.name);
      long previous = q.duringEvaluation() ? r.enteredPrevious : r.enteredEventId;
      r.frame.event("EvaluationFailed", "evaluationFailedEventDetails", d, previous);
    }
  }

  static void checkSize(StateRun r, JsonNode output) {
    checkSize(r.name, output);
  }

  /**
   * Fails with States.DataLimitExceeded when {@code output} exceeds 256 KiB; {@code label} names
   * the state/task.
   */
  static void checkSize(String label, JsonNode output) {
    if (output != null && Json.utf8Size(output) > EngineRuntime.PAYLOAD_LIMIT) {
      throw new StatesFailure(
          "States.DataLimitExceeded",
          "The state/task '"
              + label
              + "' returned a result with a size exceeding the maximum number of bytes service limit.");
    }
  }

  private static ObjectNode entered(StateRun r) {
    ObjectNode d = Json.object();
    d.put("input", Json.write(r.input));
    d.putObject("inputDetails").put("truncated", false);
    d.put("name", r.name);
    return d;
  }

  private static ObjectNode exited(StateRun r, Transition t) {
    ObjectNode d = Json.object();
    if (!t.assigned().isEmpty()) {
      ObjectNode vars = d.putObject("assignedVariables");
      for (Map.Entry<String, JsonNode> e : t.assigned().entrySet()) {
        vars.put(e.getKey(), Json.write(e.getValue()));
      }
      d.putObject("assignedVariablesDetails").put("truncated", false);
    }
    d.put("name", r.name);
    return TaskCalls.withOutput(d, t.output());
  }
}
