package dev.waymark.states.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.states.ActivityTask;
import dev.waymark.states.StatesApiException;
import dev.waymark.states.StatesEngine;
import dev.waymark.states.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Activities: Create/Describe/List/DeleteActivity and GetActivityTask (a long poll of up to 20 s).
 */
final class ActivityOperations {
  /** Under the SDK's default 30 s socket timeout (AWS itself holds the poll for up to 60 s). */
  static final Duration POLL = Duration.ofSeconds(20);

  private static final Set<String> ACTIVITY = Set.of("activity");

  private final StatesEngine engine;
  private final Map<String, Instant> created = new ConcurrentHashMap<>();

  ActivityOperations(StatesEngine engine) {
    this.engine = engine;
  }

  void register(Map<String, Function<JsonNode, ObjectNode>> ops) {
    ops.put(
        "CreateActivity",
        rq -> {
          String arn = engine.tasks().createActivity(Req.required(rq, "name"));
          return item(arn, created.computeIfAbsent(arn, a -> engine.clock().now()));
        });
    ops.put(
        "DescribeActivity",
        rq -> {
          String arn = existing(rq);
          return item(arn, created.computeIfAbsent(arn, a -> engine.clock().now()));
        });
    ops.put(
        "ListActivities",
        rq ->
            Pages.page(
                rq,
                engine.tasks().listActivities(),
                100,
                "activities",
                "activities",
                a -> item(a, created.computeIfAbsent(a, x -> engine.clock().now())),
                Json.object()));
    ops.put(
        "DeleteActivity",
        rq -> {
          String arn = Arns.check(Req.required(rq, "activityArn"), ACTIVITY);
          engine.tasks().deleteActivity(arn);
          created.remove(arn);
          return Json.object();
        });
    ops.put(
        "GetActivityTask",
        rq -> {
          ActivityTask task =
              engine.tasks().getActivityTask(existing(rq), Req.optional(rq, "workerName"), POLL);
          ObjectNode out = Json.object();
          if (task != null) {
            out.put("taskToken", task.taskToken()).put("input", task.input());
          }
          return out;
        });
  }

  private String existing(JsonNode rq) {
    String arn = Arns.check(Req.required(rq, "activityArn"), ACTIVITY);
    if (!engine.tasks().listActivities().contains(arn)) {
      throw new StatesApiException(
          "ActivityDoesNotExist", "Activity Does Not Exist: '" + arn + "'");
    }
    return arn;
  }

  private static ObjectNode item(String arn, Instant creationDate) {
    ObjectNode o =
        Json.object().put("activityArn", arn).put("name", arn.substring(arn.lastIndexOf(':') + 1));
    o.set("creationDate", Json.epochSeconds(creationDate));
    return o;
  }
}
