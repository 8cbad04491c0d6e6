package dev.waymark.core.journey.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.problem.FieldError;
import dev.waymark.core.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed document in {@code journey-language/bad-documents.yaml} is refused with a 400
 * naming the field by its JSON pointer and the step by its id, in words a user reads (no library
 * internals), with that one error and no echo of it; and the JSON Schema agrees on which of them it
 * can refuse.
 */
class BadJourneyDocumentsTest {
  static final JourneySchema SCHEMA = new JourneySchema();

  static JsonNode cases(String resource) {
    try (InputStream in = BadJourneyDocumentsTest.class.getResourceAsStream(resource)) {
      return SafeYaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Arguments> badDocuments() {
    List<Arguments> arguments = new ArrayList<>();
    cases("/journey-language/bad-documents.yaml")
        .forEach(c -> arguments.add(Arguments.of(c.path("name").asText(), c)));
    return arguments.stream();
  }

  @Test
  void thereAreAtLeastTwentyFiveCases() {
    assertThat(badDocuments().count()).isGreaterThanOrEqualTo(25);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badDocuments")
  void isRefusedNamingTheFieldAndTheStep(String name, JsonNode c) {
    ProblemException refused =
        catchThrowableOfType(
            ProblemException.class,
            () ->
                JourneyDocuments.parseYaml(
                    c.path("document").asText(), "bad.yaml", TemplateLookup.ANY));

    assertThat(refused).as(name).isNotNull();
    assertThat(refused.problem().status()).isEqualTo(400);
    List<FieldError> errors = refused.problem().errors();
    assertThat(errors)
        .as("errors of " + name)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo(c.path("pointer").asText());
              assertThat(e.message()).contains(c.path("message").asText());
            });
    assertThat(errors)
        .allSatisfy(
            e ->
                assertThat(e.message())
                    .doesNotContainIgnoringCase("exception")
                    .doesNotContainIgnoringCase("jackson")
                    .doesNotContainIgnoringCase("snakeyaml")
                    .doesNotContainIgnoringCase("liqp")
                    .doesNotContain("org.")
                    .doesNotContain("com."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badDocuments")
  void theSchemaRefusesWhatItCanState(String name, JsonNode c) {
    String expected = c.path("schema").asText();
    if (expected.equals("none")) {
      return; // not YAML: there is no JSON to give the schema
    }
    JsonNode document = SafeYaml.load(c.path("document").asText(), name);
    assertThat(SCHEMA.errors(document))
        .as(name + ": the schema " + expected + " it")
        .matches(errors -> errors.isEmpty() == expected.equals("accepts"));
  }
}
