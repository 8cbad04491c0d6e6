package dev.waymark.states;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.exec.EngineRuntime;
import dev.waymark.states.json.Json;
import java.time.Duration;
import java.util.List;

/**
 * The operations of the Step Functions API that workers call: activities (CreateActivity,
 * GetActivityTask, ...) and the task token callbacks (SendTaskSuccess, SendTaskFailure,
 * SendTaskHeartbeat) that answer both activity tasks and {@code .waitForTaskToken} tasks.
 */
public final class Tasks {
  private final EngineRuntime runtime;
  private final Account account;

  Tasks(EngineRuntime runtime, Account account) {
    this.runtime = runtime;
    this.account = account;
  }

  /** SendTaskSuccess: {@code output} must be JSON text (InvalidOutput otherwise). */
  public void sendTaskSuccess(String taskToken, String output) {
    JsonNode value;
    try {
      value = output == null ? Json.object() : Json.parse(output);
    } catch (IllegalArgumentException e) {
      throw new StatesApiException("InvalidOutput", "Invalid Output: '" + e.getMessage() + "'");
    }
    runtime.tokens().succeed(taskToken, value);
  }

  public void sendTaskFailure(String taskToken, String error, String cause) {
    runtime.tokens().fail(taskToken, error, cause);
  }

  public void sendTaskHeartbeat(String taskToken) {
    runtime.tokens().heartbeat(taskToken);
  }

  /** CreateActivity: returns the activity ARN (idempotent). */
  public String createActivity(String name) {
    String arn = account.arn("activity:" + ApiInputs.validName(name));
    runtime.activities().create(arn);
    return arn;
  }

  public void deleteActivity(String activityArn) {
    runtime.activities().delete(activityArn);
  }

  public List<String> listActivities() {
    return runtime.activities().list();
  }

  /**
   * GetActivityTask: takes the oldest scheduled task of the activity, waiting up to {@code
   * realTimeout} (real time; zero = do not wait). Returns null when none arrived (AWS returns an
   * empty token).
   */
  public ActivityTask getActivityTask(String activityArn, String workerName, Duration realTimeout) {
    long end = System.nanoTime() + realTimeout.toNanos();
    while (true) {
      ActivityTask task = runtime.activities().poll(activityArn, workerName);
      if (task != null || System.nanoTime() >= end) {
        return task;
      }
      runtime.clock().awaitQuiescence(Duration.ofMillis(20));
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
  }
}
