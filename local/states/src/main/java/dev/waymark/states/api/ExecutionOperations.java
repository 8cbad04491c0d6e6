package dev.waymark.states.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.states.ExecutionInfo;
import dev.waymark.states.ExecutionStatus;
import dev.waymark.states.HistoryEvent;
import dev.waymark.states.StartResult;
import dev.waymark.states.StatesApiException;
import dev.waymark.states.StatesEngine;
import dev.waymark.states.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Executions, their history and task-token callbacks: the Step Functions API shapes over {@link
 * StatesEngine}.
 */
record ExecutionOperations(StatesEngine engine) {
  void register(Map<String, Function<JsonNode, ObjectNode>> ops) {
    ops.put("StartExecution", this::start);
    ops.put("StartSyncExecution", this::startSync);
    ops.put(
        "DescribeExecution",
        rq -> engine.executions().describeExecution(executionArn(rq)).toJson());
    ops.put(
        "DescribeStateMachineForExecution",
        rq ->
            MachineOperations.describeJson(
                engine.executions().describeStateMachineForExecution(executionArn(rq))));
    ops.put("ListExecutions", this::list);
    ops.put("GetExecutionHistory", this::history);
    ops.put("StopExecution", this::stop);
    ops.put(
        "SendTaskSuccess",
        rq -> {
          engine.tasks().sendTaskSuccess(Req.required(rq, "taskToken"), Req.required(rq, "output"));
          return Json.object();
        });
    ops.put(
        "SendTaskFailure",
        rq -> {
          engine
              .tasks()
              .sendTaskFailure(
                  Req.required(rq, "taskToken"),
                  Req.optional(rq, "error"),
                  Req.optional(rq, "cause"));
          return Json.object();
        });
    ops.put(
        "SendTaskHeartbeat",
        rq -> {
          engine.tasks().sendTaskHeartbeat(Req.required(rq, "taskToken"));
          return Json.object();
        });
  }

  private ObjectNode start(JsonNode rq) {
    StartResult r = started(rq, engine.executions()::startExecution);
    ObjectNode out = Json.object().put("executionArn", r.executionArn());
    out.set("startDate", Json.epochSeconds(r.startDate()));
    return out;
  }

  private ObjectNode startSync(JsonNode rq) {
    ExecutionInfo info = started(rq, engine.executions()::startSyncExecution);
    ObjectNode out = info.toJson();
    out.remove(
        List.of("redriveCount", "stateMachineVersionArn", "stateMachineAliasArn", "mapRunArn"));
    out.putObject("billingDetails")
        .put("billedMemoryUsedInMB", 64)
        .put(
            "billedDurationInMilliseconds",
            info.stopDate() == null
                ? 0
                : Math.max(100, info.stopDate().toEpochMilli() - info.startDate().toEpochMilli()));
    return out;
  }

  private ObjectNode list(JsonNode rq) {
    String arn = Req.optional(rq, "stateMachineArn");
    if (arn == null) {
      throw new StatesApiException(
          "ValidationException", "Must provide a StateMachine ARN or MapRun ARN");
    }
    Arns.check(arn, Arns.MACHINE);
    if (Arns.isAlias(arn)) {
      engine.machines().describeStateMachineAlias(arn);
    } else {
      engine.machines().describeStateMachine(arn);
    }
    ExecutionStatus status = Req.enumValue(rq, "statusFilter", ExecutionStatus.class, "");
    return Pages.page(
        rq,
        engine.executions().listExecutions(arn, status),
        100,
        arn + "|" + status,
        "executions",
        ExecutionOperations::listItem,
        Json.object());
  }

  private static ObjectNode listItem(ExecutionInfo e) {
    ObjectNode full = e.toJson();
    ObjectNode o = Json.object();
    for (String k :
        List.of(
            "executionArn",
            "stateMachineArn",
            "name",
            "status",
            "startDate",
            "stopDate",
            "stateMachineVersionArn",
            "stateMachineAliasArn",
            "mapRunArn",
            "redriveCount")) {
      if (full.has(k)) {
        o.set(k, full.get(k));
      }
    }
    return o;
  }

  private ObjectNode history(JsonNode rq) {
    String arn = executionArn(rq);
    List<HistoryEvent> events = new ArrayList<>(engine.executions().getExecutionHistory(arn));
    boolean reverse = Req.flag(rq, "reverseOrder");
    if (reverse) {
      Collections.reverse(events);
    }
    boolean data = !rq.has("includeExecutionData") || Req.flag(rq, "includeExecutionData");
    return Pages.page(
        rq,
        events,
        100,
        arn + (reverse ? "|r" : "|f"),
        "events",
        ev -> {
          ObjectNode o = ev.toJson();
          if (!data && ev.detailsKey() != null) {
            ObjectNode d = ev.details().deepCopy();
            d.remove(List.of("input", "output"));
            o.set(ev.detailsKey(), d);
          }
          return o;
        },
        Json.object());
  }

  private ObjectNode stop(JsonNode rq) {
    String arn = executionArn(rq);
    ExecutionInfo info =
        engine
            .executions()
            .stopExecution(arn, Req.optional(rq, "error"), Req.optional(rq, "cause"));
    ObjectNode out = Json.object();
    out.set(
        "stopDate",
        Json.epochSeconds(info.stopDate() != null ? info.stopDate() : engine.clock().now()));
    return out;
  }

  /** StartExecution or StartSyncExecution. */
  private interface Start<T> {
    T start(String stateMachineArn, String name, String input);
  }

  private static <T> T started(JsonNode rq, Start<T> start) {
    return start.start(
        Arns.check(Req.required(rq, "stateMachineArn"), Arns.MACHINE),
        Req.optional(rq, "name"),
        Req.optional(rq, "input"));
  }

  private static String executionArn(JsonNode rq) {
    return Arns.check(Req.required(rq, "executionArn"), Arns.EXECUTION);
  }
}
