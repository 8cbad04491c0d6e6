package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.states.ExecutionStatus;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.json.Json;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Runs executions on engine threads and records their start/end history events.
 *
 * @param closed told of each execution once it closed (after its closing event, outside the clock's
 *     lock)
 */
public record ExecutionRunner(EngineRuntime rt, Consumer<ExecutionRecord> closed) {
  /** Starts the execution on its own engine thread. */
  public void launch(ExecutionRecord rec) {
    rt.clock.asEngineWork(() -> launchNow(rec));
  }

  private void launchNow(ExecutionRecord rec) {
    rec.history.add("ExecutionStarted", 0, "executionStartedEventDetails", startedDetails(rec));
    rt.clock.spawn("exec-" + rec.name, () -> run(rec, 0));
    JsonNode timeout = rec.definition.root().get("TimeoutSeconds");
    if (timeout != null && timeout.asLong() > 0) {
      Instant deadline = rec.startDate.plusSeconds(timeout.asLong());
      rt.clock.spawn("timeout-" + rec.name, () -> watchdog(rec, deadline));
    }
  }

  /** StopExecution: aborts a running execution. */
  public void stop(ExecutionRecord rec, String error, String cause) {
    ObjectNode d = Json.object();
    if (cause != null) {
      d.put("cause", cause);
    }
    if (error != null) {
      d.put("error", error);
    }
    terminate(rec, ExecutionStatus.ABORTED, null, error, cause, d, null);
  }

  /** Runs the machine; the first StateEntered has previousEventId 0, as AWS records it. */
  private void run(ExecutionRecord rec, long previousEventId) {
    Frame frame = Frame.root(rt, rec, previousEventId);
    try {
      JsonNode out = Interpreter.run(rec.definition, rec.input, frame);
      terminate(
          rec,
          ExecutionStatus.SUCCEEDED,
          out,
          null,
          null,
          TaskCalls.withOutput(Json.object(), out),
          frame);
    } catch (StatesFailure f) {
      fail(rec, frame, f);
    } catch (Aborted a) {
      // stopped or timed out elsewhere
    } catch (RuntimeException e) {
      fail(rec, frame, new StatesFailure("States.Runtime", "Internal error: " + e));
    }
  }

  private void fail(ExecutionRecord rec, Frame frame, StatesFailure raw) {
    StatesFailure f =
        raw instanceof TaskWaits.TimedOut ? new StatesFailure(raw.error(), null) : raw;
    ObjectNode d = Json.object();
    if (f.cause() != null) {
      d.put("cause", f.cause());
    }
    if (f.error() != null) {
      d.put("error", f.error());
    }
    terminate(rec, ExecutionStatus.FAILED, null, f.error(), f.cause(), d, frame);
  }

  private void watchdog(ExecutionRecord rec, Instant deadline) {
    try {
      if (rt.clock.await(() -> !rec.isRunning(), deadline)) {
        return;
      }
    } catch (InterruptedException e) {
      return;
    }
    ObjectNode d = Json.object().put("error", "States.Timeout");
    terminate(rec, ExecutionStatus.TIMED_OUT, null, "States.Timeout", null, d, null);
  }

  /** Finishes the execution (if still running) and records its closing history event. */
  private void terminate(
      ExecutionRecord rec,
      ExecutionStatus s,
      JsonNode out,
      String err,
      String cause,
      ObjectNode details,
      Frame frame) {
    String type =
        switch (s) {
          case SUCCEEDED -> "ExecutionSucceeded";
          case FAILED -> "ExecutionFailed";
          case TIMED_OUT -> "ExecutionTimedOut";
          case ABORTED -> "ExecutionAborted";
          default -> throw new IllegalArgumentException("not a final status: " + s);
        };
    String key = "e" + type.substring(1) + "EventDetails";
    boolean[] finished = {false};
    rt.clock.update(
        () -> {
          if (rec.finish(s, out, err, cause, rt.clock.now())) {
            long prev = frame != null ? frame.lastEventId() : rec.history.size();
            rec.history.add(type, prev, key, details);
            finished[0] = true;
          }
        });
    if (finished[0]) {
      closed.accept(rec);
    }
  }

  private static ObjectNode startedDetails(ExecutionRecord rec) {
    ObjectNode d = Json.object();
    d.put("input", Json.write(rec.input));
    d.putObject("inputDetails").put("truncated", false);
    d.put("roleArn", rec.roleArn);
    if (rec.versionArn != null) {
      d.put("stateMachineVersionArn", rec.versionArn);
    }
    if (rec.aliasArn != null) {
      d.put("stateMachineAliasArn", rec.aliasArn);
    }
    return d;
  }
}
