package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.json.Json;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Retry and Catch for Task, Parallel and Map states. */
final class ErrorHandling {
  private ErrorHandling() {}

  /**
   * Runs {@code attempt}, retrying per the state's Retry rules; if it still fails, applies the
   * first matching Catch. {@code onFinalFailure} runs (for its history events) once retries are
   * exhausted, before catching.
   */
  static Transition run(
      StateRun r, Supplier<Transition> attempt, Consumer<StatesFailure> onFinalFailure) {
    JsonNode retriers = r.state.path("Retry");
    int[] attempts = new int[retriers.size()];
    while (true) {
      try {
        return attempt.get();
      } catch (StatesFailure raw) {
        StatesFailure f = StateRunner.contextualize(r, raw);
        int idx = findRetrier(retriers, f.error());
        if (idx >= 0 && retry(r, retriers.get(idx), idx, attempts, f)) {
          continue;
        }
        if (onFinalFailure != null) {
          onFinalFailure.accept(f);
        }
        int catcher = findCatcher(r.state.path("Catch"), f.error());
        if (catcher < 0) {
          throw f;
        }
        return caught(r, catcher, f);
      }
    }
  }

  /**
   * Backs off and returns true when the retrier has attempts left (TestState reports instead of
   * waiting).
   */
  private static boolean retry(
      StateRun r, JsonNode retrier, int idx, int[] attempts, StatesFailure f) {
    int max = retrier.path("MaxAttempts").asInt(3);
    if (r.test != null) {
      r.test.onRetrier(
          f,
          idx,
          r.test.retrierRetryCount < max ? delaySeconds(retrier, r.test.retrierRetryCount) : -1);
      return false;
    }
    if (attempts[idx] >= max) {
      return false;
    }
    backOff(r, retrier, attempts[idx]++);
    r.retryCount++;
    return true;
  }

  /** Whether a Catch of the state matches the failure. */
  static boolean caught(StateRun r, StatesFailure f) {
    return findCatcher(r.state.path("Catch"), f.error()) >= 0;
  }

  static ObjectNode errorOutput(StatesFailure f) {
    ObjectNode o = Json.object();
    o.put("Error", f.error());
    o.put("Cause", f.cause());
    return o;
  }

  private static Transition caught(StateRun r, int index, StatesFailure f) {
    JsonNode catcher = r.state.path("Catch").get(index);
    if (r.test != null) {
      r.test.onCaught(f, index);
    }
    return Io.finish(r, catcher, null, r.input, errorOutput(f), catcher.path("Next").asText());
  }

  /** IntervalSeconds x BackoffRate^retries, capped by MaxDelaySeconds (before jitter). */
  static double delaySeconds(JsonNode retrier, int previousRetries) {
    double interval = retrier.path("IntervalSeconds").asDouble(1);
    double rate = retrier.path("BackoffRate").asDouble(2.0);
    double delay = interval * Math.pow(rate, previousRetries);
    if (retrier.has("MaxDelaySeconds")) {
      delay = Math.min(delay, retrier.get("MaxDelaySeconds").asDouble());
    }
    return delay;
  }

  private static void backOff(StateRun r, JsonNode retrier, int previousRetries) {
    double delay = delaySeconds(retrier, previousRetries);
    if ("FULL".equals(retrier.path("JitterStrategy").asText())) {
      delay = ThreadLocalRandom.current().nextDouble() * delay;
    }
    long millis = (long) (delay * 1000);
    WaitState.sleepUntil(r.frame, r.frame.rt.clock.now().plus(Duration.ofMillis(millis)));
  }

  private static int findRetrier(JsonNode retriers, String error) {
    for (int i = 0; i < retriers.size(); i++) {
      if (matchesAny(retriers.get(i).path("ErrorEquals"), error)) {
        return i;
      }
    }
    return -1;
  }

  private static int findCatcher(JsonNode catchers, String error) {
    for (int i = 0; i < catchers.size(); i++) {
      if (matchesAny(catchers.get(i).path("ErrorEquals"), error)) {
        return i;
      }
    }
    return -1;
  }

  static boolean matchesAny(JsonNode names, String error) {
    for (JsonNode n : names) {
      if (matches(n.asText(), error)) {
        return true;
      }
    }
    return false;
  }

  /**
   * AWS error-name matching: exact, States.ALL, States.TaskFailed, States.Timeout covering
   * heartbeat timeouts.
   */
  static boolean matches(String name, String error) {
    if (error == null) {
      return name.equals("States.ALL") || name.equals("States.TaskFailed");
    }
    boolean runtime = error.equals("States.Runtime");
    if (runtime) {
      return false;
    }
    if (name.equals(error)) {
      return true;
    }
    return switch (name) {
      case "States.ALL" -> !runtime;
      case "States.TaskFailed" ->
          !runtime && !error.equals("States.Timeout") && !error.equals("States.HeartbeatTimeout");
      case "States.Timeout" -> error.equals("States.HeartbeatTimeout");
      default -> false;
    };
  }
}
