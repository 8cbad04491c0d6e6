package dev.waymark.states;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.states.clock.ClockMode;
import dev.waymark.states.clock.EngineClock;
import dev.waymark.states.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Retry with IntervalSeconds, BackoffRate and MaxDelaySeconds, timed on the virtual clock. */
class RetryBackoffTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void retriesWithExponentialBackoffCappedByMaxDelay() {
    EngineClock clock = new EngineClock(ClockMode.SKIP, T0);
    List<Instant> calls = new CopyOnWriteArrayList<>();
    StatesEngine engine =
        StatesEngine.builder()
            .clock(clock)
            .lambda(
                "flaky",
                in -> {
                  calls.add(clock.now());
                  if (calls.size() < 5) {
                    throw new StatesFailure("Throttled", "try again");
                  }
                  return Json.object().put("ok", true);
                })
            .build();
    String def =
        EngineTestSupport.json(
            """
                {'StartAt':'Call','States':{'Call':{'Type':'Task',
                  'Resource':'arn:aws:lambda:us-east-1:123456789012:function:flaky',
                  'Retry':[{'ErrorEquals':['Throttled'],'IntervalSeconds':2,'BackoffRate':3,'MaxAttempts':5,
                            'MaxDelaySeconds':30}],
                  'End':true}}}""");
    String arn =
        engine
            .executions()
            .startExecution(
                engine.machines().createStateMachine("retry", def).stateMachineArn(), null, "{}")
            .executionArn();
    ExecutionInfo info = engine.executions().awaitExecution(arn, EngineTestSupport.PATIENCE);

    assertThat(info.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(calls)
        .containsExactly(
            T0,
            T0.plusSeconds(2),
            T0.plusSeconds(2 + 6),
            T0.plusSeconds(2 + 6 + 18),
            T0.plusSeconds(2 + 6 + 18 + 30));
    assertThat(EngineTestSupport.types(engine, arn).stream().filter("LambdaFunctionFailed"::equals))
        .hasSize(4);
  }

  @Test
  void exhaustedRetriesFallThroughToCatch() {
    EngineClock clock = new EngineClock(ClockMode.SKIP, T0);
    StatesEngine engine =
        StatesEngine.builder()
            .clock(clock)
            .lambda(
                "down",
                in -> {
                  throw new IllegalStateException("boom");
                })
            .build();
    String def =
        EngineTestSupport.json(
            """
                {'StartAt':'Call','States':{'Call':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',
                  'Parameters':{'FunctionName':'down','Payload.$':'$'},
                  'Retry':[{'ErrorEquals':['States.ALL'],'IntervalSeconds':1,'MaxAttempts':2,'JitterStrategy':'FULL'}],
                  'Catch':[{'ErrorEquals':['States.TaskFailed'],'ResultPath':'$.error','Next':'Fallback'}],
                  'End':true},
                  'Fallback':{'Type':'Pass','End':true}}}""");
    String arn =
        engine
            .executions()
            .startExecution(
                engine.machines().createStateMachine("catch", def).stateMachineArn(),
                null,
                "{\"a\":1}")
            .executionArn();
    ExecutionInfo info = engine.executions().awaitExecution(arn, EngineTestSupport.PATIENCE);
    assertThat(info.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(info.output().path("error").path("Error").asText())
        .isEqualTo("IllegalStateException");
    assertThat(info.output().path("a").asInt()).isEqualTo(1);
    assertThat(info.stopDate()).isBetween(T0, T0.plusSeconds(3));
  }
}
