package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The outcome of asynchronous task work (a worker thread, a task token). Mutate only inside
 * clock.update.
 */
final class Pending {
  JsonNode result;
  String error;
  String cause;
  boolean done;

  /**
   * Completed by a failure (error and cause may both be null, e.g. SendTaskFailure without them).
   */
  boolean failed;

  Instant lastHeartbeat;

  /** Activities: the worker name once a worker took the task (empty when it gave none). */
  String startedBy;

  void succeed(JsonNode r) {
    if (!done) {
      result = r;
      done = true;
    }
  }

  void fail(String e, String c) {
    if (!done) {
      error = e;
      cause = c;
      failed = true;
      done = true;
    }
  }
}
