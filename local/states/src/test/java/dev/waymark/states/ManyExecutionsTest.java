package dev.waymark.states;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.states.clock.ClockMode;
import dev.waymark.states.clock.EngineClock;
import dev.waymark.states.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hundreds of concurrent journeys with different waits finish at their own virtual times. */
class ManyExecutionsTest {
  @Test
  void eachExecutionEndsAtItsOwnVirtualTime() {
    Instant t0 = Instant.parse("2033-01-01T00:00:00Z");
    EngineClock clock = new EngineClock(ClockMode.SKIP, t0);
    StatesEngine engine =
        StatesEngine.builder()
            .clock(clock)
            .lambda("touch", in -> Json.object().put("at", clock.now().toString()))
            .build();
    String def =
        EngineTestSupport.json(
            """
                {'StartAt':'W','States':{'W':{'Type':'Wait','SecondsPath':'$.days','Next':'T'},
                  'T':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:touch','End':true}}}""");
    String sm = engine.machines().createStateMachine("many", def).stateMachineArn();
    List<String> runs = new ArrayList<>();
    clock.asEngineWork(
        () -> {
          for (int i = 0; i < 300; i++) {
            runs.add(
                engine
                    .executions()
                    .startExecution(sm, "run-" + i, "{\"days\":" + (i % 30) * 86400 + "}")
                    .executionArn());
          }
        });
    EngineTestSupport.settle(engine);
    for (int i = 0; i < runs.size(); i++) {
      ExecutionInfo info = engine.executions().describeExecution(runs.get(i));
      assertThat(info.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(info.stopDate()).isEqualTo(t0.plus(Duration.ofDays(i % 30)));
      assertThat(info.output().path("at").asText())
          .isEqualTo(t0.plus(Duration.ofDays(i % 30)).toString());
    }
  }
}
