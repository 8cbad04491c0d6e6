package dev.waymark.states;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.json.Json;
import java.time.Duration;
import java.util.List;

/** Small helpers shared by the engine tests. */
final class EngineTestSupport {
  private EngineTestSupport() {}

  /**
   * How long, in real time, a test waits for the engine to settle or an execution to end. Generous
   * so that a loaded machine cannot fail a test (scripts/loaded-test.sh); a passing test never
   * waits this long, since waiting ends as soon as the engine is idle.
   */
  static final Duration PATIENCE = Duration.ofMinutes(2);

  /** Waits until no engine thread can run, failing the test if that takes more than PATIENCE. */
  static void settle(StatesEngine engine) {
    if (!engine.awaitQuiescence(PATIENCE)) {
      throw new AssertionError("the engine did not settle within " + PATIENCE);
    }
  }

  static List<String> types(StatesEngine engine, String executionArn) {
    return engine.executions().getExecutionHistory(executionArn).stream()
        .map(HistoryEvent::type)
        .toList();
  }

  static HistoryEvent first(StatesEngine engine, String executionArn, String type) {
    return engine.executions().getExecutionHistory(executionArn).stream()
        .filter(e -> e.type().equals(type))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " event"));
  }

  /**
   * The task token handed to the first .waitForTaskToken integration call (recorded by {@link
   * Recorder}).
   */
  static String json(String text) {
    return Json.write(Json.parse(text.replace('\'', '"')));
  }

  /**
   * A ServiceIntegration double recording calls (e.g. an "await" registration carrying the task
   * token).
   */
  static final class Recorder implements dev.waymark.states.task.ServiceIntegration {
    final java.util.List<dev.waymark.states.task.ServiceRequest> calls =
        new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public boolean supports(String service, String action) {
      return service.equals("sqs");
    }

    @Override
    public JsonNode invoke(dev.waymark.states.task.ServiceRequest request) {
      calls.add(request);
      return Json.object().put("MessageId", "m-" + calls.size());
    }

    String lastToken() {
      return calls.get(calls.size() - 1).taskToken();
    }
  }
}
