package dev.waymark.local.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which way a branch step sent each run, counted in {@code GET /v1/journeys/{id}/stats} as {@code
 * branches.<step>.<way>}: people run down both conditions and the default of a published journey
 * through the local runtime's HTTP API, and each way is counted exactly once per run.
 */
class BranchStatsScenarioTest {
  static final String JOURNEY = "/v1/journeys/branch-route";

  static final String DOCUMENT =
      """
      {"id":"branch-route","name":"Route by country","entry":{"event":"Plan Viewed"},
       "steps":[
        {"id":"route","type":"branch",
         "conditions":[
           {"trait":"country","op":"equals","value":"PL","next":"offer-pl"},
           {"entry":"properties.amount","op":"greaterThan","value":100}],
         "default":"offer"},
        {"id":"offer","type":"send","channels":["email"],"template":"route-offer","window":"any"},
        {"id":"offer-pl","type":"send","channels":["email"],"template":"route-offer","window":"any"}
       ]}""";

  @Test
  void eachWayOfABranchIsCountedOncePerRun() throws Exception {
    try (JourneyScenario s = new JourneyScenario(SimulationScenarioTest.MONDAY_10AM_UTC)) {
      String template = SimulationScenarioTest.template("route-offer");
      assertThat(s.api.put("/v1/templates/route-offer", template).status()).isEqualTo(200);
      assertThat(s.api.put(JOURNEY, DOCUMENT).status()).isEqualTo(200);
      assertThat(s.api.post(JOURNEY + "/publish", "").status()).isEqualTo(200);
      Map<String, String> countries =
          Map.of("ann", "PL", "ben", "PL", "cat", "DE", "dan", "DE", "eve", "FR");
      for (String who : List.of("ann", "ben", "cat", "dan", "eve")) {
        s.person(
            who,
            """
            {"firstName":"%s","email":"%s@example.com","country":"%s"}"""
                .formatted(who, who, countries.get(who)),
            "email");
        String amount = who.equals("dan") ? "500" : "20";
        s.send(
            """
            {"type":"track","userId":"%s","event":"Plan Viewed","properties":{"amount":%s}}"""
                .formatted(who, amount));
      }

      JsonNode v1 = s.api.get(JOURNEY + "/stats").body().path("versions").path(0);
      assertThat(v1.path("entered").asLong()).isEqualTo(5);
      assertThat(SimulationScenarioTest.counts(v1.path("branches").path("route")))
          .as("condition 1 (PL) twice, condition 2 (amount over 100) once, the default twice")
          .isEqualTo(Map.of("1", 2L, "2", 1L, "default", 2L));
      assertThat(SimulationScenarioTest.counts(v1.path("steps")))
          .isEqualTo(Map.of("step:offer-pl:sent", 2L, "step:offer:sent", 2L));
      assertThat(s.steps("ann@example.com")).containsExactly("offer-pl");
      assertThat(s.steps("dan@example.com")).as("condition 2 has no next: the run ends").isEmpty();
      assertThat(s.steps("eve@example.com")).containsExactly("offer");
    }
  }
}
