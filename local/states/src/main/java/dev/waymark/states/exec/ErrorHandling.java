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
    private ErrorHandling() {
    }

    /**
     * Runs {@code attempt}, retrying per the state's Retry rules; if it still fails, applies the first matching
     * Catch. {@code onUncaught} runs (for its history events) before a failure that no catcher handles leaves.
     */
    static Transition run(StateRun r, Supplier<Transition> attempt, Consumer<StatesFailure> onFinalFailure) {
        JsonNode retriers = r.state.path("Retry");
        int[] attempts = new int[retriers.size()];
        while (true) {
            try {
                return attempt.get();
            } catch (StatesFailure raw) {
                StatesFailure f = StateRunner.contextualize(r, raw);
                int idx = findRetrier(retriers, f.error());
                if (r.test != null && idx >= 0
                        && r.test.retrierRetryCount < retriers.get(idx).path("MaxAttempts").asInt(3)) {
                    double delay = delaySeconds(retriers.get(idx), r.test.retrierRetryCount);
                    throw new TestHooks.Retriable(f, (long) delay, idx);
                }
                if (r.test != null && idx >= 0 && r.test.inspection != null) {
                    r.test.inspection.putObject("errorDetails").put("retryIndex", idx);
                }
                if (r.test == null && idx >= 0 && attempts[idx] < retriers.get(idx).path("MaxAttempts").asInt(3)) {
                    backOff(r, retriers.get(idx), attempts[idx]++);
                    r.retryCount++;
                    continue;
                }
                if (onFinalFailure != null) {
                    onFinalFailure.accept(f);
                }
                JsonNode catcher = findCatcher(r.state.path("Catch"), f.error());
                if (catcher == null) {
                    throw f;
                }
                return caught(r, catcher, f);
            }
        }
    }

    /** Whether a Catch of the state matches the failure. */
    static boolean caught(StateRun r, StatesFailure f) {
        return findCatcher(r.state.path("Catch"), f.error()) != null;
    }

    static ObjectNode errorOutput(StatesFailure f) {
        ObjectNode o = Json.object();
        if (f.error() != null) {
            o.put("Error", f.error());
        }
        if (f.cause() != null) {
            o.put("Cause", f.cause());
        }
        return o;
    }

    private static Transition caught(StateRun r, JsonNode catcher, StatesFailure f) {
        if (r.test != null) {
            r.test.caught = f;
            if (r.test.inspection != null) {
                int idx = 0;
                for (JsonNode c : r.state.path("Catch")) {
                    if (c == catcher) {
                        break;
                    }
                    idx++;
                }
                r.test.inspection.putObject("errorDetails").put("catchIndex", idx);
            }
        }
        return Io.finish(r, catcher, null, r.input, errorOutput(f), catcher.path("Next").asText());
    }

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

    private static JsonNode findCatcher(JsonNode catchers, String error) {
        for (JsonNode c : catchers) {
            if (matchesAny(c.path("ErrorEquals"), error)) {
                return c;
            }
        }
        return null;
    }

    static boolean matchesAny(JsonNode names, String error) {
        for (JsonNode n : names) {
            if (matches(n.asText(), error)) {
                return true;
            }
        }
        return false;
    }

    /** AWS error-name matching: exact, States.ALL, States.TaskFailed, States.Timeout covering heartbeat timeouts. */
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
            case "States.TaskFailed" -> !runtime && !error.equals("States.Timeout")
                    && !error.equals("States.HeartbeatTimeout");
            case "States.Timeout" -> error.equals("States.HeartbeatTimeout");
            default -> false;
        };
    }
}
