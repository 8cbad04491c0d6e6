package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.json.Json;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * Running task work on a worker thread and waiting for results and task-token callbacks under time
 * limits.
 */
final class TaskWaits {
  private TaskWaits() {}

  /** Thrown when a wait exceeded TimeoutSeconds or HeartbeatSeconds. */
  static final class TimedOut extends StatesFailure {
    TimedOut(String error) {
      super(error, "");
    }
  }

  /**
   * Runs {@code work} on an engine worker thread, waiting at most until {@code timeoutAt} (null =
   * forever).
   */
  static JsonNode runWork(StateRun r, Callable<JsonNode> work, Instant timeoutAt) {
    Pending p = new Pending();
    var clock = r.frame.rt.clock;
    Thread t =
        clock.spawn(
            "task-" + r.name,
            () -> {
              try {
                JsonNode v = work.call();
                clock.update(() -> p.succeed(v));
              } catch (StatesFailure f) {
                clock.update(() -> p.fail(f.error(), f.cause()));
              } catch (InterruptedException e) {
                clock.update(() -> p.fail("States.Aborted", null));
              } catch (Exception e) {
                String err = e.getClass().getSimpleName();
                String cause =
                    Json.write(
                        Json.object()
                            .put("errorMessage", String.valueOf(e.getMessage()))
                            .put("errorType", err));
                clock.update(() -> p.fail(err, cause));
              }
            });
    awaitPending(r, p, timeoutAt, 0, t);
    return p.result;
  }

  /** Waits for a task-token callback with timeout and heartbeat. */
  static JsonNode awaitToken(StateRun r, Pending p, Instant timeoutAt, long heartbeatSeconds) {
    awaitPending(r, p, timeoutAt, heartbeatSeconds, null);
    return p.result;
  }

  private static void awaitPending(
      StateRun r, Pending p, Instant timeoutAt, long heartbeatSeconds, Thread worker) {
    var clock = r.frame.rt.clock;
    Instant heartbeatBase = clock.now();
    while (true) {
      Instant hbDeadline =
          heartbeatSeconds > 0
              ? (p.lastHeartbeat != null ? p.lastHeartbeat : heartbeatBase)
                  .plusSeconds(heartbeatSeconds)
              : null;
      Instant deadline = earliest(timeoutAt, hbDeadline);
      boolean done;
      try {
        done = clock.await(() -> p.done || r.frame.cancel.isSet(), deadline);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Aborted();
      }
      if (done) {
        if (!p.done) {
          interrupt(worker);
          throw new Aborted();
        }
        if (p.failed) {
          throw new StatesFailure(p.error, p.cause);
        }
        return;
      }
      Instant now = clock.now();
      if (timeoutAt != null && !now.isBefore(timeoutAt)) {
        interrupt(worker);
        throw new TimedOut("States.Timeout");
      }
      Instant hb =
          (p.lastHeartbeat != null ? p.lastHeartbeat : heartbeatBase).plusSeconds(heartbeatSeconds);
      if (heartbeatSeconds > 0 && !now.isBefore(hb)) {
        interrupt(worker);
        throw new TimedOut("States.Timeout");
      }
    }
  }

  private static void interrupt(Thread t) {
    if (t != null) {
      t.interrupt();
    }
  }

  private static Instant earliest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.isBefore(b) ? a : b;
  }
}
