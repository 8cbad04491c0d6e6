package dev.waymark.functions.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.journey.language.JourneyDocuments;
import dev.waymark.core.journey.publish.JourneyPublisher;
import dev.waymark.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed document of the journey language's {@code bad-documents.yaml} (core's test
 * resources), sent as JSON in {@code PUT /v1/journeys/{id}} through the journeys handler, is a 400
 * problem naming the field by the case's pointer, in words without library internals; and nothing
 * is saved: a new journey stays unknown (404), a published one keeps its draft and live version.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadJourneyDocumentsOverHttpTest {
  static final String LIVE = "live-one";
  static final String GOOD =
      """
      {"id":"%s","entry":{"event":"X"},
       "steps":[{"id":"hello","type":"send","channels":["email"],"template":"t","window":"any"}]}""";
  static final String TEMPLATE =
      """
      {"email":{"subject":"Hi","html":"<p>Hi</p>","text":"Hi"},"sample":{"profile":{}}}""";
  JourneysApiFixture api;
  JsonNode liveBefore;

  @BeforeAll
  void aPublishedJourneyAndItsTemplates() throws Exception {
    api = new JourneysApiFixture();
    for (String template : List.of("t", "welcome")) {
      assertThat(call("PUT /v1/templates/{id}", template, TEMPLATE).status()).isEqualTo(200);
    }
    assertThat(put(LIVE, GOOD.formatted(LIVE)).status()).isEqualTo(200);
    assertThat(call("POST /v1/journeys/{id}/publish", LIVE, null).status()).isEqualTo(200);
    liveBefore = get(LIVE).body();
  }

  @AfterAll
  void close() {
    api.close();
  }

  static Stream<Arguments> badDocuments() {
    JsonNode cases;
    try (InputStream in =
        BadJourneyDocumentsOverHttpTest.class.getResourceAsStream(
            "/journey-language/bad-documents.yaml")) {
      cases =
          JourneyDocuments.readYaml(
              new String(in.readAllBytes(), StandardCharsets.UTF_8), "bad-documents.yaml");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Arguments> arguments = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      arguments.add(Arguments.of(cases.get(i).path("name").asText(), i, cases.get(i)));
    }
    return arguments.stream();
  }

  @Test
  void thereAreAtLeastTwentyCases() {
    assertThat(badDocuments().count()).isGreaterThanOrEqualTo(20);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badDocuments")
  void isRefusedNamingTheFieldAndNothingIsSaved(String name, int index, JsonNode c) {
    String fresh = "new-" + index;
    JsonNode refused = refuse(name, c, fresh);
    assertThat(get(fresh).status()).as("%s: nothing saved", name).isEqualTo(404);
    assertThat(refuse(name, c, LIVE).findValuesAsText("field"))
        .as(name)
        .isEqualTo(refused.findValuesAsText("field"));
    assertThat(get(LIVE).body())
        .as("%s: draft and live version unchanged", name)
        .isEqualTo(liveBefore);
  }

  /** PUTs the case's document as {@code id} and checks the 400; answers its errors. */
  private JsonNode refuse(String name, JsonNode c, String id) {
    JourneysApiFixture.Answer answer = put(id, body(c, id));
    assertThat(answer.status()).as("%s: %s", name, answer.body()).isEqualTo(400);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    JsonNode errors = answer.body().path("errors");
    assertThat(errors).as("%s: %s", name, answer.body()).hasSize(1);
    assertThat(errors.path(0).path("field").asText()).as(name).isEqualTo(pointer(c));
    if (c.path("schema").asText().equals("none")) {
      assertThat(errors.path(0).path("message").asText()).startsWith("malformed JSON");
    } else if (!pointer(c).equals("/id")) {
      assertThat(errors.path(0).path("message").asText())
          .as(name)
          .contains(c.path("message").asText());
    }
    assertNoInternals(answer);
    return errors;
  }

  /**
   * The case's document as JSON, its journey id {@code j} made the URL's; a text that is not YAML
   * (schema {@code none}) is sent as it is, and is not JSON either.
   */
  private static String body(JsonNode c, String id) {
    String text = c.path("document").asText();
    if (c.path("schema").asText().equals("none")) {
      return text;
    }
    JsonNode document = JourneyDocuments.readYaml(text, "case.yaml");
    if (document.path("id").asText().equals("j")) {
      ((ObjectNode) document).put("id", id);
    }
    return Json.write(document);
  }

  /** The case's pointer; the whole body ({@code ""} in the language) is {@code /} over HTTP. */
  private static String pointer(JsonNode c) {
    String pointer = c.path("pointer").asText();
    return pointer.isEmpty() ? "/" : pointer;
  }

  @Test
  void aBodyThatIsNotJsonOrRepeatsAKeyOrIsNotAnObjectIsRefused() {
    for (String bad :
        List.of(
            "id: " + LIVE,
            "{\"id\":\"" + LIVE + "\",\"id\":\"other\",\"entry\":{\"event\":\"X\"}}",
            "[]",
            "\"" + LIVE + "\"",
            "")) {
      JourneysApiFixture.Answer answer = put(LIVE, bad);
      assertThat(answer.status()).as(bad).isEqualTo(400);
      assertThat(answer.body().path("errors").findValuesAsText("field"))
          .as(bad)
          .containsExactly("/");
      assertNoInternals(answer);
    }
    assertThat(get(LIVE).body()).isEqualTo(liveBefore);
  }

  @Test
  void anIdInTheBodyOtherThanThePathsIsRefusedNamingIt() {
    JourneysApiFixture.Answer answer = put(LIVE, GOOD.formatted("another"));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().path("errors").path(0).path("field").asText()).isEqualTo("/id");
    assertThat(answer.body().path("errors").path(0).path("message").asText()).contains(LIVE);
    assertThat(get("another").status()).isEqualTo(404);
    assertThat(get(LIVE).body()).isEqualTo(liveBefore);
  }

  @Test
  void aDocumentOverTheSizeLimitIsRefusedNamingTheBody() {
    ObjectNode big = (ObjectNode) Json.parse(GOOD.formatted("big"));
    big.put("description", "x".repeat(JourneyPublisher.MAX_DOCUMENT_BYTES));
    JourneysApiFixture.Answer answer = put("big", Json.write(big));
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.body().path("errors").path(0).path("field").asText()).isEqualTo("/");
    assertThat(answer.body().path("errors").path(0).path("message").asText())
        .contains(Integer.toString(JourneyPublisher.MAX_DOCUMENT_BYTES));
    assertThat(get("big").status()).isEqualTo(404);

    big.put("description", "é".repeat(JourneyPublisher.MAX_DOCUMENT_BYTES / 2 + 1));
    assertThat(put("big", Json.write(big)).status()).as("counted in UTF-8 bytes").isEqualTo(413);
    big.put("description", "x".repeat(JourneyPublisher.MAX_DOCUMENT_BYTES - 400));
    assertThat(put("big", Json.write(big)).status()).as("just under the limit").isEqualTo(200);
  }

  @Test
  void stepsThatCompileToATooLargeStateMachineAreRefusedNamingThem() {
    StringBuilder steps = new StringBuilder();
    int count = 600;
    for (int i = 0; i < count; i++) {
      steps
          .append(i == 0 ? "" : ",")
          .append(
              """
              {"id":"s%d","type":"send","channels":["email"],"template":"t","window":"any"%s}"""
                  .formatted(i, i + 1 < count ? ",\"next\":\"s" + (i + 1) + "\"" : ""));
    }
    String document = "{\"id\":\"long\",\"entry\":{\"event\":\"X\"},\"steps\":[" + steps + "]}";
    assertThat(document.length()).isLessThan(JourneyPublisher.MAX_DOCUMENT_BYTES);

    JourneysApiFixture.Answer answer = put("long", document);
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(413);
    assertThat(answer.body().path("errors").path(0).path("field").asText()).isEqualTo("/steps");
    assertThat(get("long").status()).isEqualTo(404);
  }

  private static void assertNoInternals(JourneysApiFixture.Answer answer) {
    List<String> texts = new ArrayList<>(answer.body().findValuesAsText("message"));
    texts.add(answer.body().path("detail").asText());
    assertThat(texts)
        .allSatisfy(
            text ->
                assertThat(text)
                    .doesNotContainIgnoringCase("exception")
                    .doesNotContainIgnoringCase("jackson")
                    .doesNotContainIgnoringCase("snakeyaml")
                    .doesNotContainIgnoringCase("liqp")
                    .doesNotContain("org.")
                    .doesNotContain("com.")
                    .doesNotContain("java."));
  }

  private JourneysApiFixture.Answer put(String id, String body) {
    return call("PUT /v1/journeys/{id}", id, body);
  }

  private JourneysApiFixture.Answer get(String id) {
    return call("GET /v1/journeys/{id}", id, null);
  }

  private JourneysApiFixture.Answer call(String route, String id, String body) {
    return api.call(route, Map.of("id", id), Map.of(), body);
  }
}
