package dev.waymark.local.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.local.LocalApi;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;

/**
 * A journey run whose execution ended long ago: the local Step Functions forgets the execution 90
 * days after it closed, as Step Functions does, and {@code GET /v1/profiles/{id}/journeys} then
 * reports the run as {@code ended} (not a 500).
 */
class ForgottenExecutionScenarioTest {
  static final Instant START = Instant.parse("2026-04-06T09:00:00Z");

  @Test
  void aRunWhoseExecutionWasForgottenIsReportedAsEnded() throws Exception {
    try (JourneyScenario s = new JourneyScenario(START)) {
      s.person("noor", "{\"email\":\"noor@example.com\",\"firstName\":\"Noor\"}", "email");
      s.send(
          "{\"type\":\"track\",\"userId\":\"noor\",\"event\":\"Product Added\",\"properties\":"
              + "{\"cartId\":\"cart-noor\",\"productName\":\"roof box\",\"price\":349}}");
      s.advance(Duration.ofDays(5));
      assertThat(s.steps("noor@example.com"))
          .containsExactly("cart-reminder", "cart-nudge", "cart-last-chance");
      JsonNode run = cartRun(s);
      assertThat(run.path("status").asText()).isEqualTo("completed");
      String executionArn = run.path("executionArn").asText();

      s.advance(Duration.ofDays(90));
      LocalApi.Answer answer = s.api.get("/v1/profiles/" + s.profileId("noor") + "/journeys");
      assertThat(answer.status()).isEqualTo(200);
      JsonNode after = cartRun(s);
      assertThat(after.path("runId").asText()).isEqualTo(run.path("runId").asText());
      assertThat(after.path("status").asText()).isEqualTo("ended");
      try (SfnClient sfn = s.sfn()) {
        assertThatThrownBy(() -> sfn.describeExecution(r -> r.executionArn(executionArn)))
            .isInstanceOf(ExecutionDoesNotExistException.class);
      }
    }
  }

  private static JsonNode cartRun(JourneyScenario s) {
    for (JsonNode run : s.journeysOf("noor").path("runs")) {
      if (run.path("journeyId").asText().equals("abandoned-cart")) {
        return run;
      }
    }
    throw new AssertionError("no abandoned-cart run: " + s.journeysOf("noor"));
  }
}
