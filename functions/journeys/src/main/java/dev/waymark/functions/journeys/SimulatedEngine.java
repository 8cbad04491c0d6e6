package dev.waymark.functions.journeys;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.waymark.core.journey.JourneyExecutions;
import dev.waymark.core.journey.simulate.Replay;
import dev.waymark.core.journey.simulate.SimulationReport;
import dev.waymark.core.json.Json;
import dev.waymark.states.ExecutionInfo;
import dev.waymark.states.ExecutionRetention;
import dev.waymark.states.StatesEngine;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.clock.ClockMode;
import dev.waymark.states.clock.EngineClock;
import dev.waymark.states.task.LambdaHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A States Language executor of its own for one simulation (package {@code local/states}, in this
 * process, on a MANUAL virtual clock): the compiled journey runs on it exactly as on Step
 * Functions, its Lambda tasks answered in-process by the journey task handlers built over the
 * simulation's scratch services. It is what the router starts, resumes and stops runs on ({@link
 * JourneyExecutions}) and the clock the replay moves ({@link Replay.VirtualTime}).
 */
final class SimulatedEngine implements JourneyExecutions, Replay.VirtualTime, AutoCloseable {
  static final String SEND = "waymark-simulated-send";
  static final String AWAIT = "waymark-simulated-await";
  static final String STEPS = "waymark-simulated-steps";

  /** How long (real time) the engine may take to settle after one event or timer. */
  private static final Duration SETTLE = Duration.ofMinutes(2);

  private final EngineClock clock;
  private final StatesEngine engine;

  /** The task handlers by the function name the compiled definition calls (filled in later). */
  SimulatedEngine(
      Instant start,
      Map<String, RequestHandler<Map<String, Object>, Map<String, Object>>> handlers) {
    this.clock = new EngineClock(ClockMode.MANUAL, start);
    // the replay reads how every run ended once it is over, however long ago that was
    StatesEngine.Builder builder =
        StatesEngine.builder().clock(clock).retention(ExecutionRetention.keepAll());
    for (String name : new String[] {SEND, AWAIT, STEPS}) {
      // the handlers are built once the clock exists, so each is looked up when called
      builder.lambda(name, payload -> adapt(handlers.get(name)).handle(payload));
    }
    this.engine = builder.build();
  }

  java.time.Clock javaClock() {
    return clock.asJavaClock();
  }

  /** Creates the journey's state machine; its ARN. */
  String stateMachine(String name, String asl) {
    return engine.machines().createStateMachine(name, asl).stateMachineArn();
  }

  @Override
  public String start(String stateMachineArn, String runName, String inputJson) {
    return engine.executions().startExecution(stateMachineArn, runName, inputJson).executionArn();
  }

  @Override
  public void stop(String executionArn, String error, String cause) {
    if (status(executionArn).equals("RUNNING")) {
      engine.executions().stopExecution(executionArn, error, cause);
    }
  }

  @Override
  public String status(String executionArn) {
    return engine.executions().describeExecution(executionArn).status().name();
  }

  /** Where a run's execution stands, with its error if it failed. */
  SimulationReport.RunEnd end(String executionArn) {
    ExecutionInfo info = engine.executions().describeExecution(executionArn);
    return new SimulationReport.RunEnd(info.status().name(), info.error(), info.cause());
  }

  @Override
  public boolean resume(String taskToken, String outputJson) {
    try {
      engine.tasks().sendTaskSuccess(taskToken, outputJson);
      return true;
    } catch (RuntimeException closed) {
      return false;
    }
  }

  @Override
  public Instant now() {
    return clock.now();
  }

  @Override
  public void advanceTo(Instant at) {
    clock.advanceTo(at);
  }

  @Override
  public void settle() {
    if (!engine.awaitQuiescence(SETTLE)) {
      throw new IllegalStateException("the simulated runs did not settle");
    }
  }

  /** Aborts whatever still runs (a run waiting past {@code until}); the engine is dropped. */
  @Override
  public void close() {
    engine.close();
  }

  /**
   * A journey task handler as Lambda runs it: a thrown exception fails the task with the
   * exception's full class name as the error (so {@code Waymark.SendDeferred} is caught by name).
   */
  @SuppressWarnings("unchecked")
  private static LambdaHandler adapt(
      RequestHandler<Map<String, Object>, Map<String, Object>> handler) {
    return payload -> {
      try {
        return Json.MAPPER.valueToTree(
            handler.handleRequest(Json.MAPPER.convertValue(payload, Map.class), null));
      } catch (RuntimeException e) {
        throw StatesFailure.ofJavaHandler(e);
      }
    };
  }
}
