package dev.waymark.states;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.states.clock.ClockMode;
import dev.waymark.states.clock.EngineClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Activity tasks answered by a worker through GetActivityTask and SendTask*. */
class ActivityTest {
  private static final Instant T0 = Instant.parse("2034-01-01T00:00:00Z");
  private final EngineClock clock = new EngineClock(ClockMode.MANUAL, T0);
  private final StatesEngine engine = StatesEngine.builder().clock(clock).build();
  private final String activity = engine.tasks().createActivity("approve");

  private String start(int timeoutSeconds) {
    String def =
        EngineTestSupport.json(
            "{'StartAt':'A','States':{'A':{'Type':'Task','Resource':'"
                + activity
                + "','TimeoutSeconds':"
                + timeoutSeconds
                + ",'End':true}}}");
    String arn =
        engine
            .executions()
            .startExecution(
                engine.machines().createStateMachine("act" + timeoutSeconds, def).stateMachineArn(),
                null,
                "{\"v\":1}")
            .executionArn();
    EngineTestSupport.settle(engine);
    return arn;
  }

  @Test
  void workerTakesAndCompletesTheTask() {
    String arn = start(60);
    ActivityTask task = engine.tasks().getActivityTask(activity, "worker-1", Duration.ZERO);
    assertThat(task.input()).isEqualTo("{\"v\":1}");
    assertThat(engine.tasks().getActivityTask(activity, "worker-2", Duration.ZERO)).isNull();
    engine.tasks().sendTaskSuccess(task.taskToken(), "{\"approved\":true}");
    EngineTestSupport.settle(engine);
    ExecutionInfo info = engine.executions().describeExecution(arn);
    assertThat(info.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(info.output().path("approved").asBoolean()).isTrue();
    assertThat(EngineTestSupport.types(engine, arn))
        .containsExactly(
            "ExecutionStarted",
            "TaskStateEntered",
            "ActivityScheduled",
            "ActivityStarted",
            "ActivitySucceeded",
            "TaskStateExited",
            "ExecutionSucceeded");
  }

  @Test
  void workerFailureFailsTheExecution() {
    String arn = start(60);
    engine
        .tasks()
        .sendTaskFailure(
            engine.tasks().getActivityTask(activity, null, Duration.ZERO).taskToken(),
            "Rejected",
            "no");
    EngineTestSupport.settle(engine);
    assertThat(engine.executions().describeExecution(arn).error()).isEqualTo("Rejected");
    assertThat(EngineTestSupport.types(engine, arn)).contains("ActivityFailed");
  }

  @Test
  void noWorkerTimesOut() {
    String arn = start(30);
    clock.advance(Duration.ofSeconds(30));
    ExecutionInfo info = engine.executions().describeExecution(arn);
    assertThat(info.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(info.error()).isEqualTo("States.Timeout");
    assertThat(EngineTestSupport.types(engine, arn))
        .contains("ActivityTimedOut")
        .doesNotContain("ActivityStarted");
    assertThat(engine.tasks().getActivityTask(activity, null, Duration.ZERO)).isNull();
  }

  @Test
  void unknownActivityIsARuntimeError() {
    engine.tasks().deleteActivity(activity);
    String arn = start(10);
    assertThat(engine.executions().describeExecution(arn).error()).isEqualTo("States.Runtime");
    assertThat(engine.executions().describeExecution(arn).cause())
        .endsWith("The activity " + activity + " does not exist.");
  }
}
