package dev.waymark.states;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.states.clock.ClockMode;
import dev.waymark.states.clock.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Map and Parallel on the virtual clock: concurrency, tolerated failures, sibling cancellation. */
class FanoutTest {
  private static final Instant T0 = Instant.parse("2032-01-01T00:00:00Z");
  private final StatesEngine engine =
      StatesEngine.builder().clock(new EngineClock(ClockMode.SKIP, T0)).build();

  private ExecutionInfo run(String definition, String input) {
    String sm =
        engine
            .machines()
            .createStateMachine("m" + System.nanoTime(), EngineTestSupport.json(definition))
            .stateMachineArn();
    return engine
        .executions()
        .awaitExecution(
            engine.executions().startExecution(sm, null, input).executionArn(),
            EngineTestSupport.PATIENCE);
  }

  @Test
  void mapMaxConcurrencyOneRunsIterationsOneAfterAnother() {
    ExecutionInfo info =
        run(
            """
                {'StartAt':'M','States':{'M':{'Type':'Map','MaxConcurrency':1,'ItemsPath':'$.items',
                  'ItemSelector':{'i.$':'$$.Map.Item.Index','v.$':'$$.Map.Item.Value'},
                  'ItemProcessor':{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':10,'End':true}}},
                  'End':true}}}""",
            "{\"items\":[\"a\",\"b\",\"c\"]}");
    assertThat(info.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(info.output().toString())
        .isEqualTo("[{\"i\":0,\"v\":\"a\"},{\"i\":1,\"v\":\"b\"},{\"i\":2,\"v\":\"c\"}]");
    assertThat(info.stopDate()).isEqualTo(T0.plusSeconds(30));
  }

  @Test
  void unboundedMapRunsIterationsConcurrently() {
    ExecutionInfo info =
        run(
            """
                {'StartAt':'M','States':{'M':{'Type':'Map',
                  'ItemProcessor':{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':10,'End':true}}},
                  'End':true}}}""",
            "[1,2,3,4]");
    assertThat(info.output().size()).isEqualTo(4);
    assertThat(info.stopDate()).isEqualTo(T0.plusSeconds(10));
  }

  @Test
  void distributedMapToleratesConfiguredFailures() {
    String def =
        """
                {'StartAt':'M','States':{'M':{'Type':'Map','ToleratedFailureCount':1,
                  'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},
                    'StartAt':'C','States':{'C':{'Type':'Choice','Choices':[{'Variable':'$','NumericGreaterThan':1,
                      'Next':'F'}],'Default':'P'},'F':{'Type':'Fail','Error':'TooBig'},'P':{'Type':'Pass','End':true}}},
                  'End':true}}}""";
    ExecutionInfo ok = run(def, "[1,2]");
    assertThat(ok.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(ok.output().get(1).path("Error").asText()).isEqualTo("TooBig");
    ExecutionInfo failed = run(def, "[1,2,3]");
    assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(failed.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    assertThat(EngineTestSupport.types(engine, failed.executionArn()))
        .contains("MapRunStarted", "MapRunFailed");
    MapRunInfo run = engine.executions().listMapRuns(failed.executionArn()).get(0);
    assertThat(run.status()).isEqualTo("FAILED");
    assertThat(run.itemsFailed()).isEqualTo(2);
    assertThat(engine.executions().describeMapRun(run.mapRunArn())).isEqualTo(run);
    assertThat(engine.executions().listMapRuns(ok.executionArn()).get(0).status())
        .isEqualTo("SUCCEEDED");
  }

  /**
   * A branch that fails at once fails the Parallel state, the Catch takes over and the sibling
   * never finishes its hour-long Wait. Whether the sibling had entered its Wait by then is up to
   * the scheduler (the engine checks for cancellation before each state), so the history may or may
   * not hold its WaitStateEntered; what is guaranteed is that an entered Wait is aborted, not
   * exited.
   */
  @Test
  void failingBranchCancelsItsSiblingsAndIsCaught() {
    ExecutionInfo info =
        run(
            """
                {'StartAt':'P','States':{'P':{'Type':'Parallel','Branches':[
                    {'StartAt':'Slow','States':{'Slow':{'Type':'Wait','Seconds':3600,'End':true}}},
                    {'StartAt':'Boom','States':{'Boom':{'Type':'Fail','Error':'Boom','Cause':'b'}}}],
                  'Catch':[{'ErrorEquals':['States.ALL'],'ResultPath':'$.err','Next':'Done'}],'End':true},
                  'Done':{'Type':'Succeed'}}}""",
            "{}");
    assertThat(info.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(info.output().path("err").path("Error").asText()).isEqualTo("Boom");
    assertThat(info.stopDate()).isEqualTo(T0);
    List<String> types = EngineTestSupport.types(engine, info.executionArn());
    assertThat(types).contains("ParallelStateFailed").doesNotContain("WaitStateExited");
    assertThat(Collections.frequency(types, "WaitStateAborted"))
        .isEqualTo(Collections.frequency(types, "WaitStateEntered"));
  }

  /**
   * The same with the failure a minute later, on the MANUAL clock: by then the sibling is certainly
   * waiting (the engine settled before the clock moved), so its Wait is aborted.
   */
  @Test
  void aLaterFailureAbortsTheWaitingSibling() {
    EngineClock manual = new EngineClock(ClockMode.MANUAL, T0);
    StatesEngine onManual = StatesEngine.builder().clock(manual).build();
    String sm =
        onManual
            .machines()
            .createStateMachine(
                "later",
                EngineTestSupport.json(
                    """
                    {'StartAt':'P','States':{'P':{'Type':'Parallel','Branches':[
                        {'StartAt':'Slow','States':{'Slow':{'Type':'Wait','Seconds':3600,'End':true}}},
                        {'StartAt':'Pause','States':{'Pause':{'Type':'Wait','Seconds':60,'Next':'Boom'},
                          'Boom':{'Type':'Fail','Error':'Boom','Cause':'b'}}}],
                      'Catch':[{'ErrorEquals':['States.ALL'],'ResultPath':'$.err','Next':'Done'}],'End':true},
                      'Done':{'Type':'Succeed'}}}"""))
            .stateMachineArn();
    String arn = onManual.executions().startExecution(sm, null, "{}").executionArn();
    EngineTestSupport.settle(onManual);
    assertThat(EngineTestSupport.types(onManual, arn))
        .filteredOn("WaitStateEntered"::equals)
        .hasSize(2);

    manual.advance(Duration.ofSeconds(60));

    ExecutionInfo info = onManual.executions().describeExecution(arn);
    assertThat(info.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(info.output().path("err").path("Error").asText()).isEqualTo("Boom");
    assertThat(info.stopDate()).isEqualTo(T0.plusSeconds(60));
    List<HistoryEvent> history = onManual.executions().getExecutionHistory(arn);
    assertThat(history).filteredOn(e -> e.type().equals("WaitStateAborted")).hasSize(1);
    assertThat(history)
        .filteredOn(e -> e.type().equals("WaitStateExited"))
        .extracting(e -> e.details().path("name").asText())
        .containsExactly("Pause");
    assertThat(manual.nextDeadline()).as("the aborted Wait left no timer behind").isNull();
  }
}
