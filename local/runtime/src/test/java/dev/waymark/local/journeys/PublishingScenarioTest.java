package dev.waymark.local.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.local.LocalApi;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Publishing through the local runtime's HTTP API, as a user would: a second version published
 * while a run waits (each run finishes on its own state machine version), a paused journey refusing
 * entries with the reason in the trace, and a stop ending a waiting run.
 */
class PublishingScenarioTest {
  static final Instant MONDAY_9AM_WARSAW = Instant.parse("2026-11-23T08:00:00Z");
  static final String JOURNEY = "/v1/journeys/configuration-reminder";

  static String configurationStarted(String userId, String configurationId) {
    return "{\"type\":\"track\",\"userId\":\""
        + userId
        + "\",\"event\":\"Configuration Started\",\"properties\":{\"configurationId\":\""
        + configurationId
        + "\",\"model\":\"E-V Model\",\"price\":1}}";
  }

  @Test
  void runsFinishOnTheVersionTheyStartedOnAfterANewVersionIsPublished() throws Exception {
    try (JourneyScenario s = new JourneyScenario(MONDAY_9AM_WARSAW);
        SfnClient sfn = s.sfn()) {
      s.person("olek", "{\"email\":\"olek@example.com\"}", "email");
      s.person("ania", "{\"email\":\"ania@example.com\"}", "email");
      s.send(configurationStarted("olek", "a"));

      ObjectNode document = (ObjectNode) s.api.get(JOURNEY).body().path("draft").deepCopy();
      document.put("description", "The second version.");
      assertThat(s.api.put(JOURNEY, document.toString()).status()).isEqualTo(200);
      LocalApi.Answer published = s.api.post(JOURNEY + "/publish", "");
      assertThat(published.status()).isEqualTo(200);
      assertThat(published.body().path("version").path("version").asInt()).isEqualTo(2);
      s.send(configurationStarted("ania", "b"));
      s.advance(Duration.ofDays(1));

      assertThat(s.outboxFor("olek@example.com")).hasSize(1);
      assertThat(s.outboxFor("ania@example.com")).hasSize(1);
      assertRunOn(s, sfn, "olek", 1);
      assertRunOn(s, sfn, "ania", 2);
    }
  }

  @Test
  void aPausedJourneyRefusesEntriesAndAStoppedOneEndsItsWaitingRuns() throws Exception {
    try (JourneyScenario s = new JourneyScenario(MONDAY_9AM_WARSAW);
        SfnClient sfn = s.sfn()) {
      s.person("olek", "{\"email\":\"olek@example.com\"}", "email");
      assertThat(s.api.post(JOURNEY + "/pause", "").body().path("state").asText())
          .isEqualTo("paused");
      s.send(configurationStarted("olek", "a"));
      assertThat(s.journeysOf("olek").path("runs")).isEmpty();
      assertThat(s.journeysOf("olek").path("trace").findValuesAsText("reason"))
          .contains("journey paused");

      assertThat(s.api.post(JOURNEY + "/resume", "").status()).isEqualTo(200);
      s.send(configurationStarted("olek", "b"));
      String executionArn = s.journeysOf("olek").path("runs").path(0).path("executionArn").asText();
      LocalApi.Answer stopped = s.api.post(JOURNEY + "/stop", "");
      assertThat(stopped.body().path("runsStopped").asInt()).isEqualTo(1);
      s.advance(Duration.ofDays(1));

      assertThat(s.outboxFor("olek@example.com")).isEmpty();
      assertThat(s.journeysOf("olek").path("runs").path(0).path("status").asText())
          .isEqualTo("stopped");
      assertThat(sfn.describeExecution(r -> r.executionArn(executionArn)).statusAsString())
          .isEqualTo("ABORTED");
      JsonNode stats = s.api.get(JOURNEY + "/stats").body().path("versions").path(0);
      assertThat(stats.path("stopped").asInt()).isEqualTo(1);
      assertThat(stats.path("waiting").asInt()).isZero();
      assertThat(stats.path("refused").path("paused").asInt()).isEqualTo(1);
    }
  }

  private static void assertRunOn(JourneyScenario s, SfnClient sfn, String userId, int version) {
    JsonNode run = s.journeysOf(userId).path("runs").path(0);
    assertThat(run.path("version").asText()).isEqualTo(Integer.toString(version));
    String versionArn =
        s.api.get(JOURNEY + "/versions/" + version).body().path("stateMachineVersionArn").asText();
    var execution = sfn.describeExecution(r -> r.executionArn(run.path("executionArn").asText()));
    assertThat(execution.stateMachineVersionArn()).isEqualTo(versionArn);
    assertThat(execution.statusAsString()).isEqualTo("SUCCEEDED");
  }
}
