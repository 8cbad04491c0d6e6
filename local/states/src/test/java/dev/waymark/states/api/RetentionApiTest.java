package dev.waymark.states.api;

import static dev.waymark.states.api.SfnEndpoint.pass;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.states.ExecutionRetention;
import dev.waymark.states.StatesEngine;
import dev.waymark.states.clock.ClockMode;
import dev.waymark.states.clock.EngineClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * A forgotten execution (past the cap on closed executions, or 90 days after it closed) answers
 * through the Step Functions endpoint as on AWS: ExecutionDoesNotExist for DescribeExecution and
 * GetExecutionHistory, absent from ListExecutions; its name is taken until 90 days after it closed.
 */
class RetentionApiTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/test";
  private final EngineClock clock =
      new EngineClock(ClockMode.MANUAL, Instant.parse("2032-01-10T10:00:00Z"));
  private StatesEngine engine;
  private StatesHttpServer server;
  private SfnClient sfn;

  @BeforeEach
  void start() throws Exception {
    engine = StatesEngine.builder().clock(clock).retention(ExecutionRetention.closedCap(2)).build();
    server = StatesHttpServer.start(engine, "127.0.0.1", 0);
    sfn = SfnEndpoint.client(server.endpoint());
  }

  @AfterEach
  void stop() {
    sfn.close();
    server.close();
  }

  private String machine(String name, String definition) {
    return sfn.createStateMachine(r -> r.name(name).definition(definition).roleArn(ROLE))
        .stateMachineArn();
  }

  private String run(String machine, String name, String input) {
    String arn =
        sfn.startExecution(r -> r.stateMachineArn(machine).name(name).input(input)).executionArn();
    if (!engine.awaitQuiescence(Duration.ofMinutes(2))) {
      throw new AssertionError("the engine did not settle within two minutes");
    }
    return arn;
  }

  private void assertForgotten(String arn) {
    assertThatThrownBy(() -> sfn.describeExecution(r -> r.executionArn(arn)))
        .isInstanceOf(ExecutionDoesNotExistException.class)
        .hasMessageContaining("Execution Does Not Exist: '" + arn + "'");
    assertThatThrownBy(() -> sfn.getExecutionHistory(r -> r.executionArn(arn)))
        .isInstanceOf(ExecutionDoesNotExistException.class);
  }

  @Test
  void pastTheCapTheOldestClosedExecutionIsGoneButItsNameStaysTakenFor90Days() {
    String sm = machine("quick", pass("done"));
    String first = run(sm, "run-1", "{}");
    String second = run(sm, "run-2", "{}");
    String third = run(sm, "run-3", "{}");

    assertForgotten(first);
    assertThat(sfn.describeExecution(r -> r.executionArn(second)).status())
        .isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(
            sfn.listExecutions(r -> r.stateMachineArn(sm)).executions().stream()
                .map(ExecutionListItem::executionArn))
        .containsExactly(third, second);
    assertThatThrownBy(
            () -> sfn.startExecution(r -> r.stateMachineArn(sm).name("run-1").input("{}")))
        .isInstanceOf(ExecutionAlreadyExistsException.class);

    clock.advance(Duration.ofDays(90));
    assertForgotten(second);
    assertThat(sfn.listExecutions(r -> r.stateMachineArn(sm)).executions()).isEmpty();
    String reused = run(sm, "run-1", "{\"again\":true}");
    assertThat(reused).isEqualTo(first);
    assertThat(sfn.describeExecution(r -> r.executionArn(reused)).input())
        .isEqualTo("{\"again\":true}");
  }
}
