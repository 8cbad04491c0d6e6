package dev.waymark.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code PUT /v1/journeys/{id}?validateOnly=true}: the console's errors as the user types — every
 * check of a draft save, nothing saved.
 */
class JourneyValidateOnlyTest extends LocalRuntimeFixture {
  private static final String VALID =
      """
      {"id":"typing","name":"Typing","entry":{"event":"Screen View"},
       "steps":[{"id":"wait","type":"wait","duration":"PT1H","next":"done"},
                {"id":"done","type":"exit"}]}""";

  @Test
  void aValidDocumentIsCheckedAndNotSaved() {
    LocalApi.Answer checked = api.put("/v1/journeys/typing?validateOnly=true", VALID);
    assertThat(checked.status()).isEqualTo(200);
    assertThat(checked.body().path("valid").asBoolean()).isTrue();
    assertThat(api.get("/v1/journeys/typing").status()).isEqualTo(404);
  }

  @Test
  void anInvalidDocumentNamesTheStepFieldAndLeavesTheDraftAsItWas() {
    assertThat(
            api.put("/v1/journeys/typing-2", VALID.replace("\"typing\"", "\"typing-2\"")).status())
        .isEqualTo(200);
    LocalApi.Answer refused =
        api.put(
            "/v1/journeys/typing-2?validateOnly=true",
            VALID
                .replace("\"typing\"", "\"typing-2\"")
                .replace("\"next\":\"done\"", "\"next\":\"nope\""));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("errors").get(0).path("field").asText())
        .isEqualTo("/steps/0/next");
    assertThat(refused.body().path("errors").get(0).path("message").asText())
        .contains("unknown step id \"nope\"");
    assertThat(
            api.get("/v1/journeys/typing-2")
                .body()
                .path("draft")
                .path("steps")
                .get(0)
                .path("next")
                .asText())
        .isEqualTo("done");
  }

  @Test
  void theFlagIsTrueOrFalse() {
    LocalApi.Answer bad = api.put("/v1/journeys/typing?validateOnly=yes", VALID);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().path("errors").get(0).path("field").asText()).isEqualTo("validateOnly");
  }
}
