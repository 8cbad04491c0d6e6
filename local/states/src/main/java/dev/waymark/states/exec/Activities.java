package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.ActivityTask;
import dev.waymark.states.clock.EngineClock;
import dev.waymark.states.json.Json;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Activities: named queues of scheduled activity tasks that workers take with GetActivityTask. */
public final class Activities {
  private final EngineClock clock;
  private final Map<String, Deque<Scheduled>> queues = new LinkedHashMap<>();

  /** A scheduled activity task; {@code pending} is completed by the task-token callbacks. */
  record Scheduled(String token, JsonNode input, Pending pending) {}

  Activities(EngineClock clock) {
    this.clock = clock;
  }

  public synchronized void create(String arn) {
    queues.putIfAbsent(arn, new ArrayDeque<>());
  }

  public synchronized void delete(String arn) {
    queues.remove(arn);
  }

  public synchronized List<String> list() {
    return List.copyOf(queues.keySet());
  }

  synchronized boolean exists(String arn) {
    return queues.containsKey(arn);
  }

  synchronized void schedule(String arn, Scheduled task) {
    queues.get(arn).add(task);
  }

  synchronized void unschedule(String arn, Scheduled task) {
    Deque<Scheduled> q = queues.get(arn);
    if (q != null) {
      q.remove(task);
    }
  }

  /**
   * Hands the oldest waiting task of the activity to a worker, or returns null when there is none.
   */
  public ActivityTask poll(String arn, String workerName) {
    Scheduled task;
    synchronized (this) {
      Deque<Scheduled> q = queues.get(arn);
      task = q == null ? null : q.poll();
    }
    if (task == null) {
      return null;
    }
    clock.update(() -> task.pending().startedBy = workerName == null ? "" : workerName);
    return new ActivityTask(task.token(), Json.write(task.input()));
  }
}
