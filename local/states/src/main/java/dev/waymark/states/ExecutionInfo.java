package dev.waymark.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.states.json.Json;
import java.time.Instant;

/**
 * A snapshot of an execution (DescribeExecution). {@code output} is set when SUCCEEDED; {@code
 * error}/{@code cause} when FAILED, TIMED_OUT or ABORTED. {@code stateMachineVersionArn}/{@code
 * stateMachineAliasArn} are set when the execution was started on a version or an alias.
 */
public record ExecutionInfo(
    String executionArn,
    String stateMachineArn,
    String name,
    ExecutionStatus status,
    Instant startDate,
    Instant stopDate,
    JsonNode input,
    JsonNode output,
    String error,
    String cause,
    String stateMachineVersionArn,
    String stateMachineAliasArn,
    String mapRunArn) {

  /** The DescribeExecution JSON form (input/output as JSON text, dates in epoch seconds). */
  public ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("executionArn", executionArn);
    o.put("stateMachineArn", stateMachineArn);
    o.put("name", name);
    o.put("status", status.name());
    o.set("startDate", Json.epochSeconds(startDate));
    if (stopDate != null) {
      o.set("stopDate", Json.epochSeconds(stopDate));
    }
    o.put("input", Json.write(input));
    o.putObject("inputDetails").put("included", true);
    if (output != null) {
      o.put("output", Json.write(output));
      o.putObject("outputDetails").put("included", true);
    }
    putIfSet(o, "error", error);
    putIfSet(o, "cause", cause);
    putIfSet(o, "stateMachineVersionArn", stateMachineVersionArn);
    putIfSet(o, "stateMachineAliasArn", stateMachineAliasArn);
    putIfSet(o, "mapRunArn", mapRunArn);
    o.put("redriveCount", 0);
    return o;
  }

  private static void putIfSet(ObjectNode o, String key, String value) {
    if (value != null) {
      o.put(key, value);
    }
  }
}
