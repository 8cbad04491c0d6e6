package dev.waymark.local.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.waymark.local.latency.PipelineProbe.Stage;
import org.junit.jupiter.api.Test;

class PipelineProbeTest {
  @Test
  void theFirstMarkOfAStageSinceArmingCounts() {
    PipelineProbe probe = new PipelineProbe();
    assertThat(probe.at(Stage.SENT)).isZero();
    probe.mark(Stage.SENT);
    long first = probe.at(Stage.SENT);
    assertThat(first).isNotZero();
    probe.mark(Stage.SENT);
    assertThat(probe.at(Stage.SENT)).isEqualTo(first);
    assertThat(probe.at(Stage.TASK)).isZero();

    probe.arm();
    assertThat(probe.at(Stage.SENT)).isZero();
    probe.mark(Stage.SENT);
    assertThat(probe.at(Stage.SENT)).isGreaterThanOrEqualTo(first);
  }

  @Test
  void aWrappedHandlerMarksBeforeItRunsAndAfterItReturnsOrThrows() {
    PipelineProbe probe = new PipelineProbe();
    long[] seenInside = new long[2];
    RequestHandler<String, String> inner =
        (input, context) -> {
          seenInside[0] = probe.at(Stage.DELIVERED);
          seenInside[1] = probe.at(Stage.PROCESSED);
          if (input.equals("fail")) {
            throw new IllegalStateException("failed");
          }
          return input.toUpperCase();
        };
    RequestHandler<String, String> wrapped = probe.around(Stage.DELIVERED, Stage.PROCESSED, inner);

    assertThat(wrapped.handleRequest("ok", null)).isEqualTo("OK");
    assertThat(seenInside[0]).isNotZero();
    assertThat(seenInside[1]).isZero();
    assertThat(probe.at(Stage.PROCESSED)).isGreaterThanOrEqualTo(probe.at(Stage.DELIVERED));

    probe.arm();
    assertThatThrownBy(() -> wrapped.handleRequest("fail", null)).hasMessage("failed");
    assertThat(probe.at(Stage.PROCESSED)).isNotZero();
  }

  @Test
  void aStageLeftNullIsNotMarked() {
    PipelineProbe probe = new PipelineProbe();
    RequestHandler<String, String> wrapped = probe.around(Stage.TASK, null, (i, c) -> i);
    wrapped.handleRequest("x", null);
    assertThat(probe.at(Stage.TASK)).isNotZero();
    assertThat(probe.at(Stage.PROCESSED)).isZero();
    assertThat(probe.at(Stage.DELIVERED)).isZero();
  }
}
