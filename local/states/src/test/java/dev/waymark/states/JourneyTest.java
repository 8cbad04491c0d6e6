package dev.waymark.states;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.states.clock.ClockMode;
import dev.waymark.states.clock.EngineClock;
import dev.waymark.states.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A journey-shaped machine: wait 90 days, send, await a callback for 7 days, timed-out branch via
 * Catch.
 */
class JourneyTest {
  private static final Instant T0 = Instant.parse("2030-03-01T09:00:00Z");
  private static final String JOURNEY =
      EngineTestSupport.json(
          """
            {'StartAt':'Wait90Days','States':{
              'Wait90Days':{'Type':'Wait','Seconds':7776000,'Next':'SendReminder'},
              'SendReminder':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',
                'Parameters':{'FunctionName':'send','Payload.$':'$'},'ResultSelector':{'messageId.$':'$.Payload.id'},
                'ResultPath':'$.sent','Next':'AwaitBooking'},
              'AwaitBooking':{'Type':'Task','Resource':'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
                'Parameters':{'QueueUrl':'await','MessageBody':{'token.$':'$$.Task.Token','event':'Booked'}},
                'TimeoutSeconds':604800,'ResultPath':'$.booking',
                'Catch':[{'ErrorEquals':['States.Timeout'],'ResultPath':'$.timeout','Next':'NotBooked'}],
                'Next':'Booked'},
              'Booked':{'Type':'Succeed'},
              'NotBooked':{'Type':'Pass','Result':'not-booked','ResultPath':'$.outcome','End':true}}}""");

  private final List<Instant> sends = new CopyOnWriteArrayList<>();

  private StatesEngine engine(EngineClock clock, EngineTestSupport.Recorder sqs) {
    return StatesEngine.builder()
        .clock(clock)
        .integration(sqs)
        .lambda(
            "send",
            in -> {
              sends.add(clock.now());
              return Json.object().put("id", "msg-1");
            })
        .build();
  }

  @Test
  void ninetyDayJourneyTimesOutOnSkipClockInstantly() {
    EngineClock clock = new EngineClock(ClockMode.SKIP, T0);
    EngineTestSupport.Recorder sqs = new EngineTestSupport.Recorder();
    StatesEngine engine = engine(clock, sqs);
    String arn =
        engine
            .executions()
            .startExecution(
                engine.machines().createStateMachine("lease", JOURNEY).stateMachineArn(),
                "p-1",
                "{\"profileId\":\"p-1\"}")
            .executionArn();

    ExecutionInfo info = engine.executions().awaitExecution(arn, EngineTestSupport.PATIENCE);

    assertThat(info.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(info.output().path("outcome").asText()).isEqualTo("not-booked");
    assertThat(info.output().path("sent").path("messageId").asText()).isEqualTo("msg-1");
    assertThat(info.output().path("timeout").path("Error").asText()).isEqualTo("States.Timeout");
    assertThat(sends).containsExactly(T0.plus(Duration.ofDays(90)));
    assertThat(info.stopDate()).isEqualTo(T0.plus(Duration.ofDays(97)));
    assertThat(EngineTestSupport.first(engine, arn, "WaitStateExited").timestamp())
        .isEqualTo(T0.plus(Duration.ofDays(90)));
  }

  @Test
  void callbackWithinTheWindowTakesTheBookedBranchOnManualClock() {
    EngineClock clock = new EngineClock(ClockMode.MANUAL, T0);
    EngineTestSupport.Recorder sqs = new EngineTestSupport.Recorder();
    StatesEngine engine = engine(clock, sqs);
    String arn =
        engine
            .executions()
            .startExecution(
                engine.machines().createStateMachine("lease", JOURNEY).stateMachineArn(),
                "p-2",
                "{\"profileId\":\"p-2\"}")
            .executionArn();

    clock.advance(Duration.ofDays(89));
    assertThat(sends).isEmpty();
    clock.advance(Duration.ofDays(1));
    assertThat(sends).containsExactly(T0.plus(Duration.ofDays(90)));
    clock.advance(Duration.ofDays(3));
    engine.tasks().sendTaskSuccess(sqs.lastToken(), "{\"event\":\"Booked\"}");
    EngineTestSupport.settle(engine);

    ExecutionInfo info = engine.executions().describeExecution(arn);
    assertThat(info.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(info.output().path("booking").path("event").asText()).isEqualTo("Booked");
    assertThat(info.stopDate()).isEqualTo(T0.plus(Duration.ofDays(93)));
  }
}
