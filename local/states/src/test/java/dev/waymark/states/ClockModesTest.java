package dev.waymark.states;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.states.clock.ClockMode;
import dev.waymark.states.clock.EngineClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The three clock modes seen through a Wait state. */
class ClockModesTest {
  private static final String WAIT =
      EngineTestSupport.json(
          "{'StartAt':'W','States':{'W':{'Type':'Wait','SecondsPath':'$.s','End':true}}}");

  private static String start(StatesEngine engine, long seconds) {
    String sm = engine.machines().createStateMachine("w", WAIT).stateMachineArn();
    return engine.executions().startExecution(sm, null, "{\"s\":" + seconds + "}").executionArn();
  }

  @Test
  void realClockReallyWaits() {
    StatesEngine engine = StatesEngine.builder().clockMode(ClockMode.REAL).build();
    Instant before = Instant.now();
    ExecutionInfo info =
        engine.executions().awaitExecution(start(engine, 1), EngineTestSupport.PATIENCE);
    assertThat(info.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(Duration.between(before, Instant.now()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(900));
  }

  @Test
  void skipClockJumpsOverLongWaits() {
    Instant t0 = Instant.parse("2031-01-01T00:00:00Z");
    StatesEngine engine = StatesEngine.builder().clock(new EngineClock(ClockMode.SKIP, t0)).build();
    ExecutionInfo info =
        engine.executions().awaitExecution(start(engine, 365L * 86400), EngineTestSupport.PATIENCE);
    assertThat(info.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(info.stopDate()).isEqualTo(t0.plus(Duration.ofDays(365)));
    assertThat(engine.clock().now()).isEqualTo(t0.plus(Duration.ofDays(365)));
  }

  @Test
  void manualClockMovesOnlyWhenAdvanced() {
    Instant t0 = Instant.parse("2031-01-01T00:00:00Z");
    EngineClock clock = new EngineClock(ClockMode.MANUAL, t0);
    StatesEngine engine = StatesEngine.builder().clock(clock).build();
    String arn = start(engine, 3600);
    EngineTestSupport.settle(engine);
    assertThat(clock.nextDeadline()).isEqualTo(t0.plusSeconds(3600));
    clock.advanceTo(t0.plusSeconds(3599));
    assertThat(engine.executions().describeExecution(arn).status())
        .isEqualTo(ExecutionStatus.RUNNING);
    clock.advance(Duration.ofSeconds(1));
    assertThat(engine.executions().describeExecution(arn).status())
        .isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(engine.executions().describeExecution(arn).stopDate())
        .isEqualTo(t0.plusSeconds(3600));
    assertThat(clock.nextDeadline()).isNull();
    assertThat(java.time.Instant.now(clock.asJavaClock())).isEqualTo(t0.plusSeconds(3600));
  }

  @Test
  void jsonataNowReadsTheEngineClock() {
    Instant t0 = Instant.parse("2031-06-01T12:00:00Z");
    StatesEngine engine = StatesEngine.builder().clock(new EngineClock(ClockMode.SKIP, t0)).build();
    String def =
        EngineTestSupport.json(
            "{'QueryLanguage':'JSONata','StartAt':'W','States':{"
                + "'W':{'Type':'Wait','Seconds':60,'Next':'P'},"
                + "'P':{'Type':'Pass','Output':{'now':'{% $now() %}','millis':'{% $millis() %}'},'End':true}}}");
    String arn =
        engine
            .executions()
            .startExecution(
                engine.machines().createStateMachine("now", def).stateMachineArn(), null, "{}")
            .executionArn();
    ExecutionInfo info = engine.executions().awaitExecution(arn, EngineTestSupport.PATIENCE);
    assertThat(info.output().path("now").asText()).isEqualTo("2031-06-01T12:01:00.000Z");
    assertThat(info.output().path("millis").asLong()).isEqualTo(t0.plusSeconds(60).toEpochMilli());
  }
}
