package dev.waymark.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.states.clock.ClockMode;
import dev.waymark.states.clock.EngineClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** .waitForTaskToken callbacks with TimeoutSeconds and HeartbeatSeconds on a MANUAL clock. */
class TaskTokenTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private static final String MACHINE =
      EngineTestSupport.json(
          """
            {'StartAt':'Await','States':{
              'Await':{'Type':'Task','Resource':'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
                'Parameters':{'QueueUrl':'q','MessageBody':{'token.$':'$$.Task.Token'}},
                'TimeoutSeconds':3600,'HeartbeatSeconds':600,
                'Catch':[{'ErrorEquals':['States.Timeout'],'ResultPath':'$.timedOut','Next':'TimedOut'}],
                'Next':'Done'},
              'TimedOut':{'Type':'Pass','Result':'timed out','End':true},
              'Done':{'Type':'Succeed'}}}""");

  private final EngineClock clock = new EngineClock(ClockMode.MANUAL, T0);
  private final EngineTestSupport.Recorder sqs = new EngineTestSupport.Recorder();
  private final StatesEngine engine = StatesEngine.builder().clock(clock).integration(sqs).build();

  private String start() {
    String sm = engine.machines().createStateMachine("await", MACHINE).stateMachineArn();
    String arn = engine.executions().startExecution(sm, null, "{\"who\":\"p1\"}").executionArn();
    EngineTestSupport.settle(engine);
    return arn;
  }

  @Test
  void sendTaskSuccessCompletesTheTask() {
    String arn = start();
    assertThat(engine.executions().describeExecution(arn).status())
        .isEqualTo(ExecutionStatus.RUNNING);
    String token = sqs.lastToken();
    assertThat(sqs.calls.get(0).parameters().path("MessageBody").path("token").asText())
        .isEqualTo(token);

    clock.advance(Duration.ofMinutes(5));
    engine.tasks().sendTaskSuccess(token, "{\"clicked\":true}");
    EngineTestSupport.settle(engine);

    ExecutionInfo info = engine.executions().describeExecution(arn);
    assertThat(info.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(info.output().path("clicked").asBoolean()).isTrue();
    assertThat(info.stopDate()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    assertThat(EngineTestSupport.types(engine, arn))
        .containsSubsequence(
            "TaskScheduled",
            "TaskStarted",
            "TaskSubmitted",
            "TaskSucceeded",
            "TaskStateExited",
            "SucceedStateEntered",
            "ExecutionSucceeded");
  }

  @Test
  void sendTaskFailureFailsTheExecution() {
    String arn = start();
    engine.tasks().sendTaskFailure(sqs.lastToken(), "Bounced", "hard bounce");
    EngineTestSupport.settle(engine);
    ExecutionInfo info = engine.executions().describeExecution(arn);
    assertThat(info.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(info.error()).isEqualTo("Bounced");
    assertThat(info.cause()).isEqualTo("hard bounce");
  }

  @Test
  void missingHeartbeatTimesOutAndIsCaughtAsStatesTimeout() {
    String arn = start();
    clock.advance(Duration.ofSeconds(599));
    assertThat(engine.executions().describeExecution(arn).status())
        .isEqualTo(ExecutionStatus.RUNNING);
    clock.advance(Duration.ofSeconds(1));
    ExecutionInfo info = engine.executions().describeExecution(arn);
    assertThat(info.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(info.output().asText()).isEqualTo("timed out");
    assertThat(EngineTestSupport.first(engine, arn, "TaskTimedOut").timestamp())
        .isEqualTo(T0.plusSeconds(600));
  }

  @Test
  void heartbeatsKeepTheTaskAliveUntilTimeoutSeconds() {
    String arn = start();
    String token = sqs.lastToken();
    for (int i = 0; i < 6; i++) {
      clock.advance(Duration.ofMinutes(9));
      engine.tasks().sendTaskHeartbeat(token);
    }
    assertThat(engine.executions().describeExecution(arn).status())
        .isEqualTo(ExecutionStatus.RUNNING);
    clock.advance(Duration.ofMinutes(6));
    assertThat(engine.executions().describeExecution(arn).status())
        .isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(EngineTestSupport.first(engine, arn, "TaskTimedOut").timestamp())
        .isEqualTo(T0.plusSeconds(3600));
    assertThatThrownBy(() -> engine.tasks().sendTaskSuccess(token, "{}"))
        .isInstanceOf(StatesApiException.class)
        .extracting(e -> ((StatesApiException) e).code())
        .isEqualTo("TaskTimedOut");
  }

  @Test
  void lambdaInvokeWaitForTaskTokenCanBeAnsweredFromInsideTheHandler() {
    StatesEngine[] self = new StatesEngine[1];
    self[0] =
        StatesEngine.builder()
            .clock(new EngineClock(ClockMode.SKIP, T0))
            .lambda(
                "await",
                in -> {
                  self[0].tasks().sendTaskSuccess(in.path("token").asText(), "{\"answered\":true}");
                  return dev.waymark.states.json.Json.object();
                })
            .build();
    String def =
        EngineTestSupport.json(
            """
                {'StartAt':'Await','States':{'Await':{'Type':'Task',
                  'Resource':'arn:aws:states:::lambda:invoke.waitForTaskToken',
                  'Parameters':{'FunctionName':'await','Payload':{'token.$':'$$.Task.Token'}},
                  'TimeoutSeconds':60,'End':true}}}""");
    String arn =
        self[0]
            .executions()
            .startExecution(
                self[0].machines().createStateMachine("a", def).stateMachineArn(), null, "{}")
            .executionArn();
    ExecutionInfo info = self[0].executions().awaitExecution(arn, EngineTestSupport.PATIENCE);
    assertThat(info.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(info.output().path("answered").asBoolean()).isTrue();
    assertThat(info.stopDate()).isEqualTo(T0);
    assertThat(EngineTestSupport.types(self[0], arn))
        .containsSubsequence("TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded");
  }
}
