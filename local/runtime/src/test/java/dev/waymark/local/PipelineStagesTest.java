package dev.waymark.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.local.latency.PipelineProbe;
import dev.waymark.local.latency.PipelineProbe.Stage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An event that enters a journey whose first step sends passes every stage the latency probe marks,
 * in the pipeline's order (what {@code ./waymark bench journeys} reports its breakdown from).
 */
class PipelineStagesTest extends LocalRuntimeFixture {
  @Test
  void anEventEnteringASendingJourneyReachesEveryStageInOrder() throws Exception {
    api.sendEvents(
        """
        {"batch":[{"type":"identify","messageId":"probe-m1","userId":"probe-1",
          "traits":{"email":"probe-1@example.com","timezone":"UTC"}}]}""");
    runtime.awaitProcessed();
    String id = profileId("userId=probe-1");
    api.put(
        "/v1/profiles/" + id + "/consents",
        """
        {"consents":[{"channel":"email","status":"granted","source":"test"}]}""");
    // the consent change is an event too (Consent Changed, and the segment entries it causes):
    // let it and what it starts finish before the probe watches the event under test
    runtime.awaitProcessed();
    int before = runtime.outbox().size();
    PipelineProbe probe = runtime.probe();
    probe.arm();

    api.sendEvents(
        """
        {"batch":[{"type":"track","event":"Test Drive Attended","messageId":"probe-m2",
          "userId":"probe-1"}]}""");

    assertThat(runtime.outbox().awaitMoreThan(before, Duration.ofSeconds(30))).isTrue();
    runtime.awaitProcessed();
    assertThat(probe.at(Stage.ACCEPTED)).isNotZero();
    // the poller may pick the record up before the ingest handler has returned: no order here
    assertThat(probe.at(Stage.DELIVERED)).isNotZero();
    assertThat(probe.at(Stage.STARTED)).isGreaterThan(probe.at(Stage.DELIVERED));
    assertThat(probe.at(Stage.TASK)).isGreaterThan(probe.at(Stage.STARTED));
    assertThat(probe.at(Stage.SENT)).isGreaterThan(probe.at(Stage.TASK));
    assertThat(probe.at(Stage.PROCESSED)).isGreaterThan(probe.at(Stage.STARTED));
  }
}
