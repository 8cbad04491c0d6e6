package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.states.ExecutionInfo;
import dev.waymark.states.ExecutionStatus;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.json.Json;
import dev.waymark.states.task.IntegrationPattern;
import java.time.Instant;

/** {@code arn:aws:states:::states:startExecution} (and .sync, .sync:2) against the same engine. */
final class NestedExecutions {
  private NestedExecutions() {}

  static JsonNode start(StateRun r, JsonNode params) {
    String arn = params.path("StateMachineArn").asText(null);
    if (arn == null) {
      throw new StatesFailure(
          "States.Runtime", "The field 'StateMachineArn' is required for startExecution");
    }
    JsonNode input = params.hasNonNull("Input") ? params.get("Input") : Json.object();
    if (input.isTextual()) {
      input = Json.parse(input.textValue());
    }
    String name = params.path("Name").asText(null);
    ExecutionRecord child = r.frame.rt.children.start(arn, name, input, r.frame.exec, r.taskToken);
    ObjectNode out = Json.object();
    out.put("ExecutionArn", child.arn);
    out.put("StartDate", child.startDate.toEpochMilli());
    return out;
  }

  static JsonNode awaitChild(
      StateRun r, JsonNode submitted, Instant timeoutAt, IntegrationPattern pattern) {
    ExecutionRecord child = r.frame.rt.children.find(submitted.path("ExecutionArn").asText());
    try {
      boolean done =
          r.frame.rt.clock.await(() -> !child.isRunning() || r.frame.cancel.isSet(), timeoutAt);
      if (!done) {
        throw new TaskWaits.TimedOut("States.Timeout");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Aborted();
    }
    if (child.isRunning()) {
      throw new Aborted();
    }
    ObjectNode desc = describe(child.info(), pattern == IntegrationPattern.RUN_JOB_JSON);
    if (child.status() != ExecutionStatus.SUCCEEDED) {
      throw new StatesFailure("States.TaskFailed", Json.write(desc));
    }
    return desc;
  }

  private static ObjectNode describe(ExecutionInfo info, boolean json) {
    ObjectNode o = Json.object();
    o.put("ExecutionArn", info.executionArn());
    if (json) {
      o.set("Input", info.input());
    } else {
      o.put("Input", Json.write(info.input()));
    }
    o.putObject("InputDetails").put("Included", true);
    o.put("Name", info.name());
    o.put("RedriveCount", 0);
    if (info.status() == ExecutionStatus.SUCCEEDED) {
      o.put("RedriveStatus", "NOT_REDRIVABLE");
      o.put("RedriveStatusReason", "Execution is SUCCEEDED and cannot be redriven");
    }
    if (info.output() != null) {
      if (json) {
        o.set("Output", info.output());
      } else {
        o.put("Output", Json.write(info.output()));
      }
      o.putObject("OutputDetails").put("Included", true);
    }
    if (info.error() != null) {
      o.put("Error", info.error());
    }
    if (info.cause() != null) {
      o.put("Cause", info.cause());
    }
    o.put("StartDate", info.startDate().toEpochMilli());
    o.put("StateMachineArn", info.stateMachineArn());
    o.put("Status", info.status().name());
    if (info.stopDate() != null) {
      o.put("StopDate", info.stopDate().toEpochMilli());
    }
    return o;
  }
}
