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
            .createStateMachine("m", pass("v1"), null, StateMachineType.STANDARD, true, "first")
            .stateMachineArn();
    String v1 = sm + ":1";
    String alias = engine.createStateMachineAlias("live", Map.of(v1, 100), null);
    String v2 = engine.updateStateMachine(sm, pass("v2"), null, true, null);
    assertThat(v2).isEqualTo(sm + ":2");

    String onAlias = engine.startExecution(alias, null, "{}").executionArn();
    String onLatest = engine.startExecution(sm, null, "{}").executionArn();
    String onV1 = engine.startExecution(v1, null, "{}").executionArn();
    EngineTestSupport.settle(engine);

    assertThat(engine.describeExecution(onAlias).output().asText()).isEqualTo("v1");
    assertThat(engine.describeExecution(onAlias).stateMachineAliasArn()).isEqualTo(alias);
    assertThat(engine.describeExecution(onAlias).stateMachineVersionArn()).isEqualTo(v1);
    assertThat(engine.describeExecution(onLatest).output().asText()).isEqualTo("v2");
    assertThat(engine.describeExecution(onV1).output().asText()).isEqualTo("v1");
    assertThat(engine.listStateMachineVersions(sm)).containsExactly(v2, v1);

    assertThat(engine.describeStateMachineAliasInfo(alias).routing())
        .containsExactly(Map.entry(v1, 100));
    engine.updateStateMachineAlias(alias, Map.of(v2, 100));
    String after = engine.startExecution(alias, null, "{}").executionArn();
    EngineTestSupport.settle(engine);
    assertThat(engine.describeExecution(after).output().asText()).isEqualTo("v2");
  }

  @Test
  void sameNameSameInputWhileRunningIsIdempotent() {
    String wait =
        EngineTestSupport.json(
            "{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':10,'End':true}}}");
    StatesEngine manual = StatesEngine.builder().clockMode(ClockMode.MANUAL).build();
    String sm = manual.createStateMachine("w", wait).stateMachineArn();
    StartResult a = manual.startExecution(sm, "run-1", "{\"x\":1}");
    StartResult b = manual.startExecution(sm, "run-1", "{\"x\":1}");
    assertThat(b.executionArn()).isEqualTo(a.executionArn());
    assertThatThrownBy(() -> manual.startExecution(sm, "run-1", "{\"x\":2}"))
        .isInstanceOfSatisfying(
            StatesApiException.class,
            e -> assertThat(e.code()).isEqualTo("ExecutionAlreadyExists"));
    manual.stopExecution(a.executionArn(), "Stopped", "by test");
    assertThat(manual.describeExecution(a.executionArn()).status())
        .isEqualTo(ExecutionStatus.ABORTED);
    assertThat(EngineTestSupport.types(manual, a.executionArn())).endsWith("ExecutionAborted");
    assertThatThrownBy(() -> manual.startExecution(sm, "run-1", "{\"x\":1}"))
        .isInstanceOf(StatesApiException.class);
  }

  @Test
  void expressSyncExecutionReturnsTheResult() {
    String sm =
        engine
            .createStateMachine("e", pass("done"), null, StateMachineType.EXPRESS, false, null)
            .stateMachineArn();
    ExecutionInfo info = engine.startSyncExecution(sm, null, "{}");
    assertThat(info.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(info.output().asText()).isEqualTo("done");
  }

  @Test
  void nestedSyncExecutionRunsOnTheSameEngine() {
    String child = engine.createStateMachine("child", pass("from-child")).stateMachineArn();
    String parent =
        EngineTestSupport.json(
            "{'StartAt':'S','States':{'S':{'Type':'Task',"
                + "'Resource':'arn:aws:states:::states:startExecution.sync:2',"
                + "'Parameters':{'StateMachineArn':'"
                + child
                + "','Input':{}},'OutputPath':'$.Output','End':true}}}");
    String arn =
        engine
            .startExecution(
                engine.createStateMachine("parent", parent).stateMachineArn(), null, "{}")
            .executionArn();
    ExecutionInfo info = engine.awaitExecution(arn, EngineTestSupport.PATIENCE);
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
            .startExecution(engine.createStateMachine("g", def).stateMachineArn(), null, "{}")
            .executionArn();
    ExecutionInfo info = engine.awaitExecution(arn, EngineTestSupport.PATIENCE);
    assertThat(info.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(info.cause()).contains("arn:aws:states:::glue:startJobRun");
  }

  @Test
  void invalidDefinitionsAndNamesAreRejected() {
    String danglingNext =
        EngineTestSupport.json("{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'Nowhere'}}}");
    assertThatThrownBy(() -> engine.createStateMachine("bad", danglingNext))
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
    String sm = engine.createStateMachine("ok", pass("x")).stateMachineArn();
    assertThatThrownBy(() -> engine.startExecution(sm, "has space", "{}"))
        .isInstanceOfSatisfying(
            StatesApiException.class, e -> assertThat(e.code()).isEqualTo("InvalidName"));
    assertThatThrownBy(() -> engine.startExecution(sm, null, "{not json"))
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
            .startExecution(manual.createStateMachine("w", wait).stateMachineArn(), null, "{}")
            .executionArn();
    manual.close();
    assertThat(manual.describeExecution(arn).status()).isEqualTo(ExecutionStatus.ABORTED);
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
    String sm = engine.createStateMachine("c", def).stateMachineArn();
    ExecutionInfo info =
        engine.awaitExecution(
            engine.startExecution(sm, null, "{}").executionArn(), EngineTestSupport.PATIENCE);
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
            .startExecution(engine.createStateMachine("loop", loop).stateMachineArn(), null, "{}")
            .executionArn();
    ExecutionInfo info = engine.awaitExecution(arn, EngineTestSupport.PATIENCE);
    assertThat(info.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(info.cause()).contains("maximum number of history events");
    assertThat(engine.getExecutionHistory(arn)).hasSize(25_000);
  }
}
