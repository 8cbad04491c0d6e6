package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.states.ExecutionInfo;
import dev.waymark.states.ExecutionStatus;
import dev.waymark.states.MapRunInfo;
import dev.waymark.states.StateMachineType;
import dev.waymark.states.asl.Definition;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Mutable state of one execution. Fields guarded by the engine clock's update lock or by this
 * object.
 */
public final class ExecutionRecord {
  public final String arn;
  public final String name;
  public final String stateMachineArn;
  public final String stateMachineName;
  public final String versionArn;
  public final String aliasArn;
  public final String roleArn;
  public final Definition definition;
  public final StateMachineType type;
  public final JsonNode input;
  public final Instant startDate;
  public final HistoryLog history;
  public final String parentTaskToken;
  public volatile String mapRunArn;

  /** Distributed Map runs of this execution, in start order. */
  public final List<MapRunInfo> mapRuns = new CopyOnWriteArrayList<>();

  /** TestState: a caller-supplied context object replacing the generated one. */
  public volatile ObjectNode contextOverride;

  /** TestState: the state name the context object reports. */
  public volatile String stateNameOverride;

  private volatile ExecutionStatus status = ExecutionStatus.RUNNING;
  private volatile Instant stopDate;
  private volatile JsonNode output;
  private volatile String error;
  private volatile String cause;
  private volatile boolean stopRequested;

  public ExecutionRecord(
      String arn,
      String name,
      String stateMachineArn,
      String stateMachineName,
      String versionArn,
      String aliasArn,
      String roleArn,
      Definition definition,
      StateMachineType type,
      JsonNode input,
      Instant startDate,
      HistoryLog history,
      String parentTaskToken) {
    this.arn = arn;
    this.name = name;
    this.stateMachineArn = stateMachineArn;
    this.stateMachineName = stateMachineName;
    this.versionArn = versionArn;
    this.aliasArn = aliasArn;
    this.roleArn = roleArn;
    this.definition = definition;
    this.type = type;
    this.input = input;
    this.startDate = startDate;
    this.history = history;
    this.parentTaskToken = parentTaskToken;
  }

  public ExecutionStatus status() {
    return status;
  }

  /** When the execution closed (engine clock); null while it runs. */
  public Instant stopDate() {
    return stopDate;
  }

  public boolean isRunning() {
    return status == ExecutionStatus.RUNNING;
  }

  public boolean stopRequested() {
    return stopRequested;
  }

  public void requestStop() {
    stopRequested = true;
  }

  /** Moves to a terminal status once; returns false if already terminal. */
  public synchronized boolean finish(
      ExecutionStatus s, JsonNode out, String err, String cse, Instant at) {
    if (status != ExecutionStatus.RUNNING) {
      return false;
    }
    this.output = out;
    this.error = err;
    this.cause = cse;
    this.stopDate = at;
    this.status = s;
    return true;
  }

  /** The execution-level part of the context object ($$). */
  public ObjectNode contextBase() {
    if (contextOverride != null) {
      return contextOverride.deepCopy();
    }
    ObjectNode ctx = dev.waymark.states.json.Json.object();
    ObjectNode ex = ctx.putObject("Execution");
    ex.put("Id", arn);
    ex.set("Input", input);
    ex.put("StartTime", dev.waymark.states.json.Json.isoMillis(startDate));
    ex.put("Name", name);
    if (roleArn == null) {
      ex.putNull("RoleArn");
    } else {
      ex.put("RoleArn", roleArn);
    }
    if (stateNameOverride == null) {
      ex.put("RedriveCount", 0);
    }
    ObjectNode sm = ctx.putObject("StateMachine");
    sm.put("Id", stateMachineArn);
    sm.put("Name", stateMachineName);
    return ctx;
  }

  public ExecutionInfo info() {
    return new ExecutionInfo(
        arn,
        stateMachineArn,
        name,
        status,
        startDate,
        stopDate,
        input,
        output,
        error,
        cause,
        versionArn,
        aliasArn,
        mapRunArn);
  }
}
