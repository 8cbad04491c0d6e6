package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.json.Json;
import dev.waymark.states.task.TaskResource;
import java.time.Instant;

/**
 * Activity tasks: schedule, wait for a worker (GetActivityTask), then for its SendTask* callbacks.
 */
final class ActivityCalls {
  private ActivityCalls() {}

  static JsonNode call(
      StateRun r, TaskResource res, JsonNode params, TaskState.Options limits, Instant timeoutAt) {
    Activities activities = r.frame.rt.activities;
    if (!activities.exists(res.arn())) {
      throw new StatesFailure("States.Runtime", "The activity " + res.arn() + " does not exist.");
    }
    Pending p = new Pending();
    String token = r.frame.rt.tokens.issue(p);
    Activities.Scheduled task = new Activities.Scheduled(token, params, p);
    r.frame.event(
        "ActivityScheduled", "activityScheduledEventDetails", scheduled(res, params, limits));
    activities.schedule(res.arn(), task);
    try {
      return TaskCalls.withOutcomeEvents(
          r,
          "Activity",
          null,
          () -> {
            awaitWorker(r, p, timeoutAt);
            ObjectNode started = Json.object();
            if (!p.startedBy.isEmpty()) {
              started.put("workerName", p.startedBy);
            }
            r.frame.event("ActivityStarted", "activityStartedEventDetails", started);
            return TaskWaits.awaitToken(r, p, timeoutAt, limits.heartbeatSeconds());
          });
    } finally {
      activities.unschedule(res.arn(), task);
      r.frame.rt.tokens.close(token);
    }
  }

  private static void awaitWorker(StateRun r, Pending p, Instant timeoutAt) {
    boolean started;
    try {
      started =
          r.frame.rt.clock.await(() -> p.startedBy != null || r.frame.cancel.isSet(), timeoutAt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Aborted();
    }
    if (!started) {
      throw new TaskWaits.TimedOut("States.Timeout");
    }
    if (p.startedBy == null) {
      throw new Aborted();
    }
  }

  private static ObjectNode scheduled(TaskResource res, JsonNode params, TaskState.Options limits) {
    ObjectNode d = TaskCalls.scheduledDetails(res, params, limits);
    if (limits.heartbeatSeconds() > 0) {
      d.put("heartbeatInSeconds", limits.heartbeatSeconds());
    }
    TaskCalls.credentials(d, limits);
    return d;
  }
}
