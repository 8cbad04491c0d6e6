package dev.waymark.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.states.clock.ClockMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Facade behaviour: versions and aliases, idempotent start, stop, express sync. */
class ApiTest {
  private final StatesEngine engine = StatesEngine.builder().clockMode(ClockMode.SKIP).build();

  private static String pass(String value) {
    return EngineTestSupport.json(
        "{'StartAt':'P','States':{'P':{'Type':'Pass','Result':'" + value + "','End':true}}}");
  }

  @Test
  void executionsOnVersionsAndAliasesKeepTheirVersion() {
    String sm =
        engine
            .machines()
            .createStateMachine("m", pass("v1"), null, StateMachineType.STANDARD, true, "first")
            .stateMachineArn();
    String v1 = sm + ":1";
    String alias = engine.machines().createStateMachineAlias("live", Map.of(v1, 100), null);
    String v2 = engine.machines().updateStateMachine(sm, pass("v2"), null, true, null);
    assertThat(v2).isEqualTo(sm + ":2");

    String onAlias = engine.executions().startExecution(alias, null, "{}").executionArn();
    String onLatest = engine.executions().startExecution(sm, null, "{}").executionArn();
    String onV1 = engine.executions().startExecution(v1, null, "{}").executionArn();
    EngineTestSupport.settle(engine);

    assertThat(engine.executions().describeExecution(onAlias).output().asText()).isEqualTo("v1");
    assertThat(engine.executions().describeExecution(onAlias).stateMachineAliasArn())
        .isEqualTo(alias);
    assertThat(engine.executions().describeExecution(onAlias).stateMachineVersionArn())
        .isEqualTo(v1);
    assertThat(engine.executions().describeExecution(onLatest).output().asText()).isEqualTo("v2");
    assertThat(engine.executions().describeExecution(onV1).output().asText()).isEqualTo("v1");
    assertThat(engine.machines().listStateMachineVersions(sm)).containsExactly(v2, v1);

    assertThat(engine.machines().describeStateMachineAliasInfo(alias).routing())
        .containsExactly(Map.entry(v1, 100));
    engine.machines().updateStateMachineAlias(alias, Map.of(v2, 100));
    String after = engine.executions().startExecution(alias, null, "{}").executionArn();
    EngineTestSupport.settle(engine);
    assertThat(engine.executions().describeExecution(after).output().asText()).isEqualTo("v2");
  }

  @Test
  void sameNameSameInputWhileRunningIsIdempotent() {
    String wait =
        EngineTestSupport.json(
            "{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':10,'End':true}}}");
    StatesEngine manual = StatesEngine.builder().clockMode(ClockMode.MANUAL).build();
    String sm = manual.machines().createStateMachine("w", wait).stateMachineArn();
    StartResult a = manual.executions().startExecution(sm, "run-1", "{\"x\":1}");
    StartResult b = manual.executions().startExecution(sm, "run-1", "{\"x\":1}");
    assertThat(b.executionArn()).isEqualTo(a.executionArn());
    assertThatThrownBy(() -> manual.executions().startExecution(sm, "run-1", "{\"x\":2}"))
        .isInstanceOfSatisfying(
            StatesApiException.class,
            e -> assertThat(e.code()).isEqualTo("ExecutionAlreadyExists"));
    manual.executions().stopExecution(a.executionArn(), "Stopped", "by test");
    assertThat(manual.executions().describeExecution(a.executionArn()).status())
        .isEqualTo(ExecutionStatus.ABORTED);
    assertThat(EngineTestSupport.types(manual, a.executionArn())).endsWith("ExecutionAborted");
    assertThatThrownBy(() -> manual.executions().startExecution(sm, "run-1", "{\"x\":1}"))
        .isInstanceOf(StatesApiException.class);
  }

  @Test
  void expressSyncExecutionReturnsTheResult() {
    String sm =
        engine
            .machines()
            .createStateMachine("e", pass("done"), null, StateMachineType.EXPRESS, false, null)
            .stateMachineArn();
    ExecutionInfo info = engine.executions().startSyncExecution(sm, null, "{}");
    assertThat(info.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(info.output().asText()).isEqualTo("done");
  }

  @Test
  void nestedSyncExecutionRunsOnTheSameEngine() {
    String child =
        engine.machines().createStateMachine("child", pass("from-child")).stateMachineArn();
    String parent =
        EngineTestSupport.json(
            "{'StartAt':'S','States':{'S':{'Type':'Task',"
                + "'Resource':'arn:aws:states:::states:startExecution.sync:2',"
                + "'Parameters':{'StateMachineArn':'"
                + child
                + "','Input':{}},'OutputPath':'$.Output','End':true}}}");
    String arn =
        engine
            .executions()
            .startExecution(
                engine.machines().createStateMachine("parent", parent).stateMachineArn(),
                null,
                "{}")
            .executionArn();
    ExecutionInfo info = engine.executions().awaitExecution(arn, EngineTestSupport.PATIENCE);
    assertThat(info.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(info.output().asText()).isEqualTo("from-child");
  }

  @Test
  void unsupportedResourceFailsNamingTheResource() {
    String def =
        EngineTestSupport.json(
            "{'StartAt':'T','States':{'T':{'Type':'Task',"
                + "'Resource':'arn:aws:states:::glue:startJobRun','End':true}}}");
    String arn =
        engine
            .executions()
            .startExecution(
                engine.machines().createStateMachine("g", def).stateMachineArn(), null, "{}")
            .executionArn();
    ExecutionInfo info = engine.executions().awaitExecution(arn, EngineTestSupport.PATIENCE);
    assertThat(info.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(info.cause()).contains("arn:aws:states:::glue:startJobRun");
  }

  @Test
  void invalidDefinitionsAndNamesAreRejected() {
    String danglingNext =
        EngineTestSupport.json("{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'Nowhere'}}}");
    assertThatThrownBy(() -> engine.machines().createStateMachine("bad", danglingNext))
        .isInstanceOfSatisfying(
            StatesApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo("InvalidDefinition");
              assertThat(e.getMessage())
                  .contains("Missing 'Next' target: Nowhere at /States/A/Next");
            });
    String unreachable =
        EngineTestSupport.json(
            "{'StartAt':'A','States':{'A':{'Type':'Pass','End':true},'B':{'Type':'Pass','End':true}}}");
    assertThat(engine.validateStateMachineDefinition(unreachable, StateMachineType.STANDARD))
        .extracting(d -> d.message())
        .containsExactly("State \"B\" is not reachable.");
    String sm = engine.machines().createStateMachine("ok", pass("x")).stateMachineArn();
    assertThatThrownBy(() -> engine.executions().startExecution(sm, "has space", "{}"))
        .isInstanceOfSatisfying(
            StatesApiException.class, e -> assertThat(e.code()).isEqualTo("InvalidName"));
    assertThatThrownBy(() -> engine.executions().startExecution(sm, null, "{not json"))
        .isInstanceOfSatisfying(
            StatesApiException.class, e -> assertThat(e.code()).isEqualTo("InvalidExecutionInput"));
  }

  @Test
  void closeAbortsRunningExecutions() {
    StatesEngine manual = StatesEngine.builder().clockMode(ClockMode.MANUAL).build();
    String wait =
        EngineTestSupport.json(
            "{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':10,'End':true}}}");
    String arn =
        manual
            .executions()
            .startExecution(
                manual.machines().createStateMachine("w", wait).stateMachineArn(), null, "{}")
            .executionArn();
    manual.close();
    assertThat(manual.executions().describeExecution(arn).status())
        .isEqualTo(ExecutionStatus.ABORTED);
    EngineTestSupport.settle(manual);
    assertThat(manual.clock().nextDeadline()).isNull();
  }

  @Test
  void choiceOnAMissingPathFailsLikeAws() {
    String def =
        EngineTestSupport.json(
            "{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':["
                + "{'And':[{'Variable':'$.x','IsPresent':true},{'Variable':'$.x','NumericGreaterThan':1}],'Next':'Y'},"
                + "{'Variable':'$.y','StringEquals':'a','Next':'Y'}],'Default':'Y'},'Y':{'Type':'Succeed'}}}");
    String sm = engine.machines().createStateMachine("c", def).stateMachineArn();
    ExecutionInfo info =
        engine
            .executions()
            .awaitExecution(
                engine.executions().startExecution(sm, null, "{}").executionArn(),
                EngineTestSupport.PATIENCE);
    assertThat(info.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(info.error()).isEqualTo("States.Runtime");
    assertThat(info.cause())
        .endsWith(
            "Invalid path '$.y': The choice state's condition path references an "
                + "invalid value.");
  }

  @Test
  void testStateRunsOneStateWithoutWaiting() {
    StatesEngine real = StatesEngine.builder().clockMode(ClockMode.REAL).build();
    TestStateResult r =
        real.testState(
            new TestStateRequest(
                EngineTestSupport.json("{'Type':'Wait','Seconds':86400,'Next':'After'}"),
                null,
                "{\"a\":1}",
                "DEBUG",
                null,
                null,
                null,
                null,
                null));
    assertThat(r.status()).isEqualTo("SUCCEEDED");
    assertThat(r.nextState()).isEqualTo("After");
    assertThat(r.output()).isEqualTo("{\"a\":1}");

    TestStateResult caught =
        real.testState(
            new TestStateRequest(
                EngineTestSupport.json(
                    "{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','Parameters':{'FunctionName':'f'},"
                        + "'Catch':[{'ErrorEquals':['States.ALL'],'Next':'Fallback'}],'End':true}"),
                "arn:aws:iam::123456789012:role/r",
                "{}",
                "INFO",
                dev.waymark.states.json.Json.parse(
                    "{\"errorOutput\":{\"error\":\"Boom\",\"cause\":\"x\"}}"),
                null,
                null,
                null,
                null));
    assertThat(caught.status()).isEqualTo("CAUGHT_ERROR");
    assertThat(caught.nextState()).isEqualTo("Fallback");
    assertThat(caught.error()).isEqualTo("Boom");
  }

  @Test
  void runawayLoopStopsAtTheHistoryQuota() {
    String loop =
        EngineTestSupport.json("{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'A'}}}");
    String arn =
        engine
            .executions()
            .startExecution(
                engine.machines().createStateMachine("loop", loop).stateMachineArn(), null, "{}")
            .executionArn();
    ExecutionInfo info = engine.executions().awaitExecution(arn, EngineTestSupport.PATIENCE);
    assertThat(info.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(info.cause()).contains("maximum number of history events");
    assertThat(engine.executions().getExecutionHistory(arn)).hasSize(25_000);
  }
}
