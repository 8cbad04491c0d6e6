package dev.waymark.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.states.clock.ClockMode;
import dev.waymark.states.clock.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Closed executions are forgotten 90 days (engine clock) after they closed and past the cap on
 * closed executions kept, oldest closed first; running executions and the closed children of a
 * running parent are kept.
 */
class ExecutionRetentionTest {
  private static final Instant T0 = Instant.parse("2031-05-01T08:00:00Z");
  private static final String PASS =
      EngineTestSupport.json("{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}");
  private static final String WAIT_A_DAY =
      EngineTestSupport.json(
          "{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':86400,'End':true}}}");

  private final EngineClock clock = new EngineClock(ClockMode.MANUAL, T0);

  private StatesEngine engine(ExecutionRetention retention) {
    return StatesEngine.builder().clock(clock).retention(retention).build();
  }

  private static String run(StatesEngine engine, String machine, String name, String input) {
    String arn = engine.executions().startExecution(machine, name, input).executionArn();
    EngineTestSupport.settle(engine);
    return arn;
  }

  private static void assertForgotten(StatesEngine engine, String arn) {
    failsWith("ExecutionDoesNotExist", () -> engine.executions().describeExecution(arn));
    failsWith("ExecutionDoesNotExist", () -> engine.executions().getExecutionHistory(arn));
  }

  private static void failsWith(String code, ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            StatesApiException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  private static List<String> listed(StatesEngine engine) {
    return engine.executions().listExecutions(null, null).stream()
        .map(ExecutionInfo::executionArn)
        .toList();
  }

  @Test
  void pastTheCapTheOldestClosedAreForgottenAndRunningOnesKept() {
    StatesEngine engine = engine(ExecutionRetention.closedCap(3));
    String waits = engine.machines().createStateMachine("waits", WAIT_A_DAY).stateMachineArn();
    String quick = engine.machines().createStateMachine("quick", PASS).stateMachineArn();
    String waiting = run(engine, waits, "w-1", "{}");
    List<String> closed = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      closed.add(run(engine, quick, "q-" + i, "{}"));
    }

    assertThat(engine.executions().closedExecutionsKept()).isEqualTo(3);
    assertForgotten(engine, closed.get(0));
    assertForgotten(engine, closed.get(1));
    assertThat(engine.executions().describeExecution(closed.get(2)).status())
        .isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(engine.executions().describeExecution(waiting).status())
        .isEqualTo(ExecutionStatus.RUNNING);
    assertThat(listed(engine))
        .containsExactly(closed.get(4), closed.get(3), closed.get(2), waiting);
    // within 90 days a name stays taken, even when the cap made the engine forget its execution
    failsWith(
        "ExecutionAlreadyExists", () -> engine.executions().startExecution(quick, "q-0", "{}"));

    clock.advance(Duration.ofDays(1));
    EngineTestSupport.settle(engine);
    assertThat(engine.executions().describeExecution(waiting).status())
        .isEqualTo(ExecutionStatus.SUCCEEDED);
    assertForgotten(engine, closed.get(2));
    assertThat(engine.executions().closedExecutionsKept()).isEqualTo(3);

    clock.advance(Duration.ofDays(90));
    String again = run(engine, quick, "q-0", "{\"second\":true}");
    assertThat(again).isEqualTo(closed.get(0));
    assertThat(engine.executions().describeExecution(again).input().path("second").asBoolean())
        .isTrue();
  }

  @Test
  void theHistoryEventsOfClosedExecutionsAreCappedTooButTheNewestIsAlwaysKept() {
    StatesEngine engine = engine(new ExecutionRetention(ExecutionRetention.AWS_RETENTION, 100, 9));
    String quick = engine.machines().createStateMachine("quick", PASS).stateMachineArn();
    List<String> small = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      small.add(run(engine, quick, "small-" + i, "{}")); // 4 events each
    }
    assertThat(engine.executions().closedExecutionsKept()).isEqualTo(2);
    assertThat(listed(engine)).containsExactly(small.get(4), small.get(3));

    String steps =
        EngineTestSupport.json(
            """
            {'StartAt':'A','States':{'A':{'Type':'Pass','Next':'B'},'B':{'Type':'Pass','Next':'C'},
              'C':{'Type':'Pass','Next':'D'},'D':{'Type':'Pass','End':true}}}""");
    String big = engine.machines().createStateMachine("big", steps).stateMachineArn();
    String large = run(engine, big, "large-1", "{}");
    // 10 events, over the cap of 9 on its own: kept, as the newest closed execution
    assertThat(engine.executions().getExecutionHistory(large)).hasSize(10);
    assertThat(engine.executions().closedExecutionsKept()).isEqualTo(1);
    assertForgotten(engine, small.get(4));
  }

  @Test
  void withACapOfZeroAnExecutionIsForgottenAsItClosesAndItsStopStillAnswers() {
    StatesEngine engine = engine(ExecutionRetention.closedCap(0));
    String waits = engine.machines().createStateMachine("waits", WAIT_A_DAY).stateMachineArn();
    String arn = run(engine, waits, "w-1", "{}");

    ExecutionInfo stopped = engine.executions().stopExecution(arn, "Test.Stop", "enough");

    assertThat(stopped.status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(stopped.stopDate()).isEqualTo(T0);
    assertThat(engine.executions().closedExecutionsKept()).isZero();
    assertForgotten(engine, arn);
  }

  @Test
  void ninetyDaysAfterItClosedAnExecutionIsForgottenAndItsNameMayBeUsedAgain() {
    StatesEngine engine = engine(ExecutionRetention.aws());
    String quick = engine.machines().createStateMachine("quick", PASS).stateMachineArn();
    String first = run(engine, quick, "renewal-p1", "{\"n\":1}");
    failsWith(
        "ExecutionAlreadyExists",
        () -> engine.executions().startExecution(quick, "renewal-p1", "{\"n\":2}"));

    clock.advance(Duration.ofDays(90).minusSeconds(1));
    assertThat(engine.executions().describeExecution(first).stopDate()).isEqualTo(T0);
    assertThat(listed(engine)).containsExactly(first);

    clock.advance(Duration.ofSeconds(1));
    assertForgotten(engine, first);
    assertThat(listed(engine)).isEmpty();
    assertThat(engine.executions().listExecutions(quick, ExecutionStatus.SUCCEEDED)).isEmpty();

    String second = run(engine, quick, "renewal-p1", "{\"n\":2}");
    ExecutionInfo info = engine.executions().describeExecution(second);
    assertThat(info.startDate()).isEqualTo(T0.plus(Duration.ofDays(90)));
    assertThat(info.input().path("n").asInt()).isEqualTo(2);
    assertThat(engine.executions().getExecutionHistory(second)).hasSize(4);
  }

  @Test
  void aForgottenExecutionsMapRunsAreForgottenWithIt() {
    StatesEngine engine = engine(ExecutionRetention.aws());
    String map =
        EngineTestSupport.json(
            """
            {'StartAt':'M','States':{'M':{'Type':'Map','ItemProcessor':{
              'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},
              'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}},'End':true}}}""");
    String sm = engine.machines().createStateMachine("fan", map).stateMachineArn();
    String arn = run(engine, sm, "fan-1", "[1,2,3]");
    String mapRun = engine.executions().listMapRuns(arn).get(0).mapRunArn();
    assertThat(engine.executions().describeMapRun(mapRun).mapRunArn()).isEqualTo(mapRun);

    clock.advance(Duration.ofDays(90));
    failsWith("ResourceNotFound", () -> engine.executions().describeMapRun(mapRun));
    failsWith("ExecutionDoesNotExist", () -> engine.executions().listMapRuns(arn));
  }

  @Test
  void aRunningParentFindsItsClosedChildrenWhateverTheCap() {
    StatesEngine engine = engine(ExecutionRetention.closedCap(1));
    String child =
        engine
            .machines()
            .createStateMachine(
                "child",
                EngineTestSupport.json(
                    "{'StartAt':'P','States':{'P':{'Type':'Pass','Parameters':{'twice.$':"
                        + "'States.MathAdd($.n, $.n)'},'End':true}}}"))
            .stateMachineArn();
    String parent =
        EngineTestSupport.json(
            """
            {'StartAt':'Each','States':{
              'Each':{'Type':'Map','ItemsPath':'$.items','ItemProcessor':{'StartAt':'Child','States':{
                'Child':{'Type':'Task','Resource':'arn:aws:states:::states:startExecution.sync:2',
                  'Parameters':{'StateMachineArn':'%s','Input':{'n.$':'$'}},
                  'OutputPath':'$.Output.twice','End':true}}},'Next':'Linger'},
              'Linger':{'Type':'Wait','Seconds':86400,'End':true}}}"""
                .formatted(child));
    String sm = engine.machines().createStateMachine("parent", parent).stateMachineArn();
    String arn = run(engine, sm, "parent-1", "{\"items\":[1,2,3,4,5]}");

    List<String> children =
        engine.executions().listExecutions(child, null).stream()
            .map(ExecutionInfo::executionArn)
            .toList();
    assertThat(children).hasSize(5);
    assertThat(engine.executions().closedExecutionsKept()).isEqualTo(5);
    for (String c : children) {
      assertThat(engine.executions().describeExecution(c).status())
          .isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    clock.advance(Duration.ofDays(1));
    EngineTestSupport.settle(engine);
    ExecutionInfo done = engine.executions().describeExecution(arn);
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(done.output().toString()).isEqualTo("[2,4,6,8,10]");
    assertThat(engine.executions().closedExecutionsKept()).isEqualTo(1);
    children.forEach(c -> assertForgotten(engine, c));
  }

  @Test
  void twentyThousandExecutionsLeaveAtMostTheCapOfClosedOnes() {
    EngineClock skip = new EngineClock(ClockMode.SKIP, T0);
    StatesEngine engine =
        StatesEngine.builder().clock(skip).retention(ExecutionRetention.closedCap(1_000)).build();
    String quick = engine.machines().createStateMachine("tiny", PASS).stateMachineArn();
    String last = null;
    for (int i = 0; i < 20_000; i++) {
      last = engine.executions().startExecution(quick, null, "{}").executionArn();
      if (i % 1_000 == 999) {
        EngineTestSupport.settle(engine);
        assertThat(engine.executions().closedExecutionsKept()).isLessThanOrEqualTo(1_000);
      }
    }
    assertThat(engine.executions().closedExecutionsKept()).isEqualTo(1_000);
    assertThat(engine.executions().listExecutions(quick, null)).hasSize(1_000);
    assertThat(engine.executions().describeExecution(last).status())
        .isEqualTo(ExecutionStatus.SUCCEEDED);
  }
}
