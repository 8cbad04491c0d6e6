package dev.waymark.states.api;

import static dev.waymark.states.api.SfnEndpoint.asl;
import static dev.waymark.states.api.SfnEndpoint.pass;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.states.json.Json;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.InvalidOutputException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * Executions, history, task-token callbacks and StartSyncExecution through the AWS SDK v2 client.
 */
class ExecutionApiTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/test";

  /**
   * Hands a task token to the "notify" Lambda and waits for SendTask*; TimeoutSeconds only when
   * asked.
   */
  private static final String CALLBACK =
      asl(
          """
            {'StartAt':'Notify','States':{'Notify':{'Type':'Task',
              'Resource':'arn:aws:states:::lambda:invoke.waitForTaskToken',
              'Parameters':{'FunctionName':'notify','Payload':{'token.$':'$$.Task.Token','who.$':'$.who'}},
              'End':true}}}""");

  private static final String CALLBACK_WITH_TIMEOUT =
      CALLBACK.replace("\"End\":true", "\"TimeoutSeconds\":3600,\"End\":true");

  /** A Choice loop counting to $.n: 3 state transitions per round. */
  private static final String LOOP =
      asl(
          """
            {'StartAt':'Init','States':{
              'Init':{'Type':'Pass','Parameters':{'i':0,'n.$':'$.n'},'Next':'Check'},
              'Check':{'Type':'Choice','Choices':[{'Variable':'$.i','NumericLessThanPath':'$.n','Next':'Step'}],
                'Default':'Done'},
              'Step':{'Type':'Pass','Parameters':{'i.$':'States.MathAdd($.i, 1)','n.$':'$.n'},'Next':'Check'},
              'Done':{'Type':'Succeed'}}}""");

  @RegisterExtension static final SfnEndpoint EP = new SfnEndpoint();

  private final SfnClient sfn = EP.sfn;

  private String machine(String name, String definition, StateMachineType type) {
    return sfn.createStateMachine(r -> r.name(name).definition(definition).roleArn(ROLE).type(type))
        .stateMachineArn();
  }

  private String idle(String executionArn) {
    EP.settle();
    return executionArn;
  }

  /** The task token, as a client reads it: from the TaskScheduled event's parameters. */
  private String token(String executionArn) {
    HistoryEvent scheduled =
        sfn.getExecutionHistory(r -> r.executionArn(executionArn)).events().stream()
            .filter(e -> e.type() == HistoryEventType.TASK_SCHEDULED)
            .findFirst()
            .orElseThrow();
    return Json.parse(scheduled.taskScheduledEventDetails().parameters())
        .path("Payload")
        .path("token")
        .asText();
  }

  @Test
  void waitForTaskTokenRoundTrip() {
    String sm = machine("callback", CALLBACK, StateMachineType.STANDARD);
    String ex =
        idle(
            sfn.startExecution(r -> r.stateMachineArn(sm).name("cb-1").input("{\"who\":\"ann\"}"))
                .executionArn());
    assertThat(ex).isEqualTo("arn:aws:states:us-east-1:123456789012:execution:callback:cb-1");
    assertThat(sfn.describeExecution(r -> r.executionArn(ex)).status())
        .isEqualTo(ExecutionStatus.RUNNING);

    String token = token(ex);
    assertThat(token).isNotBlank();
    sfn.sendTaskHeartbeat(r -> r.taskToken(token));
    sfn.sendTaskSuccess(r -> r.taskToken(token).output("{\"clicked\":true}"));
    idle(ex);

    var d = sfn.describeExecution(r -> r.executionArn(ex));
    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(d.output()).isEqualTo("{\"clicked\":true}");
    assertThat(d.input()).isEqualTo("{\"who\":\"ann\"}");
    assertThat(d.stopDate()).isAfterOrEqualTo(d.startDate());
    assertThat(sfn.getExecutionHistory(r -> r.executionArn(ex)).events())
        .extracting(HistoryEvent::type)
        .containsSubsequence(
            HistoryEventType.TASK_SCHEDULED,
            HistoryEventType.TASK_SUBMITTED,
            HistoryEventType.TASK_SUCCEEDED,
            HistoryEventType.EXECUTION_SUCCEEDED);
    assertThatThrownBy(() -> sfn.sendTaskSuccess(r -> r.taskToken(token).output("{}")))
        .isInstanceOf(TaskTimedOutException.class);
  }

  @Test
  void sendTaskFailureFailsTheExecution() {
    String sm = machine("callback-fail", CALLBACK, StateMachineType.STANDARD);
    String ex =
        idle(
            sfn.startExecution(r -> r.stateMachineArn(sm).input("{\"who\":\"bo\"}"))
                .executionArn());
    String token = token(ex);
    assertThatThrownBy(() -> sfn.sendTaskSuccess(r -> r.taskToken(token).output("not json")))
        .isInstanceOf(InvalidOutputException.class);
    sfn.sendTaskFailure(r -> r.taskToken(token).error("Bounced").cause("hard bounce"));
    var d = sfn.describeExecution(r -> r.executionArn(idle(ex)));
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.error()).isEqualTo("Bounced");
    assertThat(d.cause()).isEqualTo("hard bounce");
    assertThatThrownBy(() -> sfn.sendTaskHeartbeat(r -> r.taskToken("garbage")))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void aTimedOutTaskRejectsItsTokenOnTheSkippingClock() {
    String sm = machine("callback-timeout", CALLBACK_WITH_TIMEOUT, StateMachineType.STANDARD);
    String ex =
        idle(
            sfn.startExecution(r -> r.stateMachineArn(sm).input("{\"who\":\"cy\"}"))
                .executionArn());
    var d = sfn.describeExecution(r -> r.executionArn(ex));
    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.error()).isEqualTo("States.Timeout");
    assertThat(Duration.between(d.startDate(), d.stopDate()))
        .isGreaterThanOrEqualTo(Duration.ofHours(1));
    String token = token(ex);
    assertThatThrownBy(() -> sfn.sendTaskSuccess(r -> r.taskToken(token).output("{}")))
        .isInstanceOf(TaskTimedOutException.class);
  }

  @Test
  void startExecutionIsIdempotentOnNameAndInputWhileRunning() {
    String sm = machine("idempotent", CALLBACK, StateMachineType.STANDARD);
    var first =
        sfn.startExecution(r -> r.stateMachineArn(sm).name("once").input("{\"who\":\"di\"}"));
    var again =
        sfn.startExecution(r -> r.stateMachineArn(sm).name("once").input("{\"who\":\"di\"}"));
    assertThat(again.executionArn()).isEqualTo(first.executionArn());
    assertThat(again.startDate()).isEqualTo(first.startDate());
    assertThatThrownBy(
            () ->
                sfn.startExecution(
                    r -> r.stateMachineArn(sm).name("once").input("{\"who\":\"someone else\"}")))
        .isInstanceOf(ExecutionAlreadyExistsException.class)
        .hasMessageContaining(first.executionArn());

    idle(first.executionArn());
    sfn.sendTaskSuccess(r -> r.taskToken(token(first.executionArn())).output("{}"));
    idle(first.executionArn());
    assertThatThrownBy(
            () ->
                sfn.startExecution(
                    r -> r.stateMachineArn(sm).name("once").input("{\"who\":\"di\"}")))
        .isInstanceOf(ExecutionAlreadyExistsException.class);
  }

  @Test
  void stopAndListExecutions() {
    String sm = machine("stoppable", CALLBACK, StateMachineType.STANDARD);
    String a =
        idle(
            sfn.startExecution(r -> r.stateMachineArn(sm).name("a").input("{\"who\":\"x\"}"))
                .executionArn());
    String b =
        idle(
            sfn.startExecution(r -> r.stateMachineArn(sm).name("b").input("{\"who\":\"y\"}"))
                .executionArn());
    var stopped =
        sfn.stopExecution(r -> r.executionArn(a).error("Operator").cause("no longer needed"));
    assertThat(stopped.stopDate()).isNotNull();
    var d = sfn.describeExecution(r -> r.executionArn(idle(a)));
    assertThat(d.status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(d.error()).isEqualTo("Operator");

    assertThat(sfn.listExecutions(r -> r.stateMachineArn(sm)).executions())
        .extracting(ExecutionListItem::name)
        .containsExactly("b", "a");
    assertThat(
            sfn.listExecutions(r -> r.stateMachineArn(sm).statusFilter(ExecutionStatus.ABORTED))
                .executions())
        .extracting(ExecutionListItem::executionArn)
        .containsExactly(a);
    var page = sfn.listExecutions(r -> r.stateMachineArn(sm).maxResults(1));
    assertThat(page.executions()).hasSize(1);
    assertThat(
            sfn.listExecutions(r -> r.stateMachineArn(sm).maxResults(1).nextToken(page.nextToken()))
                .executions())
        .extracting(ExecutionListItem::executionArn)
        .containsExactly(a);
    sfn.stopExecution(r -> r.executionArn(b));
  }

  @Test
  void historyIsPagedAndReversible() {
    String sm = machine("loop", LOOP, StateMachineType.STANDARD);
    String ex =
        idle(sfn.startExecution(r -> r.stateMachineArn(sm).input("{\"n\":30}")).executionArn());
    assertThat(sfn.describeExecution(r -> r.executionArn(ex)).status())
        .isEqualTo(ExecutionStatus.SUCCEEDED);

    List<HistoryEvent> all =
        sfn.getExecutionHistoryPaginator(r -> r.executionArn(ex).maxResults(50)).events().stream()
            .toList();
    assertThat(all.size()).isGreaterThan(100);
    assertThat(all.get(0).type()).isEqualTo(HistoryEventType.EXECUTION_STARTED);
    assertThat(all.get(all.size() - 1).type()).isEqualTo(HistoryEventType.EXECUTION_SUCCEEDED);
    for (int i = 0; i < all.size(); i++) {
      assertThat(all.get(i).id()).isEqualTo(i + 1L);
    }
    var firstPage = sfn.getExecutionHistory(r -> r.executionArn(ex));
    assertThat(firstPage.events()).hasSize(100);
    assertThat(firstPage.nextToken()).isNotNull();

    var reversed =
        sfn.getExecutionHistory(r -> r.executionArn(ex).reverseOrder(true).maxResults(3));
    assertThat(reversed.events())
        .extracting(HistoryEvent::id)
        .containsExactly((long) all.size(), all.size() - 1L, all.size() - 2L);
    assertThat(reversed.events().get(0).executionSucceededEventDetails().output())
        .contains("\"i\":30");
    var noData =
        sfn.getExecutionHistory(
            r -> r.executionArn(ex).reverseOrder(true).maxResults(1).includeExecutionData(false));
    assertThat(noData.events().get(0).executionSucceededEventDetails().output()).isNull();
    assertThat(noData.events().get(0).timestamp()).isEqualTo(reversed.events().get(0).timestamp());
  }

  @Test
  void startSyncExecutionRunsExpressMachinesToTheEnd() {
    String sm =
        machine(
            "sync",
            asl(
                """
                {'StartAt':'Wait','States':{
                  'Wait':{'Type':'Wait','Seconds':3600,'Next':'Double'},
                  'Double':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:double',
                    'End':true}}}"""),
            StateMachineType.EXPRESS);
    StartSyncExecutionResponse r =
        sfn.startSyncExecution(b -> b.stateMachineArn(sm).name("s1").input("{\"n\":21}"));
    assertThat(r.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo("{\"n\":42}");
    assertThat(r.executionArn()).isEqualTo("arn:aws:states:us-east-1:123456789012:express:sync:s1");
    assertThat(r.stateMachineArn()).isEqualTo(sm);
    assertThat(Duration.between(r.startDate(), r.stopDate()))
        .isGreaterThanOrEqualTo(Duration.ofHours(1));

    String failing =
        machine(
            "sync-fail",
            asl(
                "{'StartAt':'F','States':{'F':{'Type':'Fail',"
                    + "'Error':'Nope','Cause':'because'}}}"),
            StateMachineType.EXPRESS);
    var f = sfn.startSyncExecution(b -> b.stateMachineArn(failing));
    assertThat(f.status()).isEqualTo(SyncExecutionStatus.FAILED);
    assertThat(f.error()).isEqualTo("Nope");
    assertThat(f.cause()).isEqualTo("because");

    String standard = machine("not-express", pass("x"), StateMachineType.STANDARD);
    assertThatThrownBy(() -> sfn.startSyncExecution(b -> b.stateMachineArn(standard)))
        .isInstanceOf(StateMachineTypeNotSupportedException.class);
  }

  @Test
  void badRequestsMapToTypedExceptions() {
    String sm = machine("errors", pass("x"), StateMachineType.STANDARD);
    assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(sm).input("{not json")))
        .isInstanceOf(InvalidExecutionInputException.class);
    assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(sm).name("white space")))
        .isInstanceOf(InvalidNameException.class);
    assertThatThrownBy(
            () ->
                sfn.describeExecution(
                    r ->
                        r.executionArn(
                            "arn:aws:states:us-east-1:123456789012:execution:errors:ghost")))
        .isInstanceOf(ExecutionDoesNotExistException.class);
    assertThatThrownBy(() -> sfn.describeExecution(r -> r.executionArn(sm)))
        .isInstanceOf(InvalidArnException.class);
    assertThatThrownBy(
            () -> sfn.getExecutionHistory(r -> r.executionArn("arn:aws:sqs:us-east-1:1:q")))
        .isInstanceOf(InvalidArnException.class);
    String ex = idle(sfn.startExecution(r -> r.stateMachineArn(sm)).executionArn());
    assertThatThrownBy(() -> sfn.getExecutionHistory(r -> r.executionArn(ex).nextToken("bogus")))
        .isInstanceOf(InvalidTokenException.class);
    assertThat(sfn.describeStateMachineForExecution(r -> r.executionArn(ex)).definition())
        .isEqualTo(pass("x"));
  }
}
