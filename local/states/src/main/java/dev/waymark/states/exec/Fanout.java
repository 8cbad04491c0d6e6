package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.clock.EngineClock;
import java.util.function.BiFunction;

/**
 * Runs N child lines of control (Parallel branches, Map iterations) on engine threads with a
 * concurrency cap.
 */
final class Fanout {
  private Fanout() {}

  /** Outcome of all children: outputs (null where failed) and failures (null where succeeded). */
  record Outcome(JsonNode[] outputs, StatesFailure[] failures, int failed) {}

  /**
   * @param body runs child i with its cancellation group, returning its output or throwing
   *     StatesFailure
   * @param maxFailures stop starting/cancel the rest once more than this many children failed
   */
  static Outcome run(
      StateRun r,
      int n,
      int maxConcurrency,
      int maxFailures,
      BiFunction<Integer, Frame.Cancel, JsonNode> body) {
    EngineClock clock = r.frame.rt.clock;
    Frame.Cancel group = new Frame.Cancel(r.frame.cancel, r.frame.exec);
    JsonNode[] outputs = new JsonNode[n];
    StatesFailure[] failures = new StatesFailure[n];
    int[] counters = new int[3]; // running, finished, failed
    int limit = maxConcurrency <= 0 ? Integer.MAX_VALUE : maxConcurrency;
    int next = 0;
    while (true) {
      awaitOrAbort(
          clock, () -> counters[0] < limit || counters[1] == n || counters[2] > maxFailures);
      if (counters[2] > maxFailures || next == n) {
        break;
      }
      int i = next++;
      clock.update(() -> counters[0]++);
      clock.spawn(
          "child-" + r.name + "-" + i,
          () -> runChild(clock, body, group, i, outputs, failures, counters));
    }
    awaitOrAbort(clock, () -> counters[0] == 0 || counters[2] > maxFailures);
    if (counters[2] > maxFailures) {
      clock.update(group::set); // waiters observe the cancellation before time may move on
    }
    awaitOrAbort(clock, () -> counters[0] == 0);
    r.frame.syncToLatest();
    if (r.frame.cancel.isSet()) {
      throw new Aborted();
    }
    return new Outcome(outputs, failures, counters[2]);
  }

  private static void runChild(
      EngineClock clock,
      BiFunction<Integer, Frame.Cancel, JsonNode> body,
      Frame.Cancel group,
      int i,
      JsonNode[] outputs,
      StatesFailure[] failures,
      int[] counters) {
    JsonNode out = null;
    StatesFailure failure = null;
    try {
      out = body.apply(i, group);
    } catch (StatesFailure f) {
      failure = f;
    } catch (Aborted a) {
      // cancelled: neither output nor failure
    } catch (RuntimeException e) {
      failure = new StatesFailure("States.Runtime", String.valueOf(e));
    }
    JsonNode o = out;
    StatesFailure f = failure;
    clock.update(
        () -> {
          outputs[i] = o;
          failures[i] = f;
          counters[0]--;
          counters[1]++;
          if (f != null) {
            counters[2]++;
          }
        });
  }

  private static void awaitOrAbort(EngineClock clock, java.util.function.BooleanSupplier cond) {
    try {
      clock.await(cond, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Aborted();
    }
  }
}
