package dev.waymark.states;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.clock.ClockMode;
import dev.waymark.states.clock.EngineClock;
import dev.waymark.states.json.Json;
import dev.waymark.states.task.ServiceIntegration;
import dev.waymark.states.task.ServiceRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The example from docs/local-states.md, kept compiling and green. */
class DocsExampleTest {
  private static final String DEFINITION =
      EngineTestSupport.json(
          """
            {'StartAt':'Wait90Days','States':{
              'Wait90Days':{'Type':'Wait','Seconds':7776000,'Next':'Send'},
              'Send':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',
                'Parameters':{'FunctionName':'send','Payload.$':'$'},'ResultPath':null,'Next':'Await'},
              'Await':{'Type':'Task','Resource':'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
                'Parameters':{'QueueUrl':'await','MessageBody':{'token.$':'$$.Task.Token'}},
                'TimeoutSeconds':604800,'End':true}}}""");

  @Test
  void example() {
    EngineClock clock = new EngineClock(ClockMode.MANUAL, Instant.parse("2030-03-01T09:00:00Z"));
    List<ServiceRequest> awaits = new CopyOnWriteArrayList<>();
    StatesEngine engine =
        StatesEngine.builder()
            .clock(clock)
            .lambda("send", in -> Json.object().put("id", "msg-1")) // in-process Lambda
            .integration(
                new ServiceIntegration() { // e.g. the "await" registration
                  public boolean supports(String service, String action) {
                    return service.equals("sqs");
                  }

                  public JsonNode invoke(ServiceRequest r) {
                    awaits.add(r);
                    return Json.object();
                  }
                })
            .build();

    String sm = engine.machines().createStateMachine("lease-renewal", DEFINITION).stateMachineArn();
    String run =
        engine.executions().startExecution(sm, "p-1", "{\"profileId\":\"p-1\"}").executionArn();

    clock.advance(Duration.ofDays(90)); // the 90-day Wait fires, "send" runs
    engine.tasks().sendTaskSuccess(awaits.get(0).taskToken(), "{\"event\":\"Booked\"}");
    assertThat(engine.awaitQuiescence(Duration.ofMinutes(1))).isTrue(); // false: still busy

    ExecutionInfo info = engine.executions().describeExecution(run);
    assertThat(info.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(info.stopDate()).isEqualTo(Instant.parse("2030-05-30T09:00:00Z"));
    assertThat(engine.executions().getExecutionHistory(run))
        .extracting(HistoryEvent::type)
        .contains("TaskSubmitted");
  }
}
