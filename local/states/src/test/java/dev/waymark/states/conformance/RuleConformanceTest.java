package dev.waymark.states.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs src/test/resources/conformance-rules.json: one case per AWS rule the executor implements for
 * intrinsic functions and the runtime validation of the {@code *Path} fields (MaxConcurrency,
 * ToleratedFailure*, ItemBatcher, TimeoutSeconds/HeartbeatSeconds, Wait). Each case names the rule
 * and its source (the AWS documentation page, the recorded corpus, or an AWS observation) and is
 * run exactly like a recorded corpus case by {@link CaseRunner}: status, output, error and cause
 * must match.
 */
class RuleConformanceTest {
  static List<JsonNode> load() throws IOException {
    try (InputStream in =
        RuleConformanceTest.class.getResourceAsStream("/conformance-rules.json")) {
      List<JsonNode> out = new ArrayList<>();
      Json.MAPPER.readTree(in).get("cases").forEach(out::add);
      return out;
    }
  }

  static Stream<Named<JsonNode>> cases() throws IOException {
    return load().stream().map(c -> Named.of(c.get("id").asText(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rule(JsonNode c) {
    String failure = CaseRunner.run(c);
    assertThat(failure)
        .as("%s — %s (source: %s)", c.get("id").asText(), c.get("rule"), c.get("source"))
        .isNull();
  }

  @Test
  void everyCaseStatesItsRuleAndSource() throws IOException {
    List<JsonNode> all = load();
    assertThat(all).hasSizeGreaterThan(40);
    for (JsonNode c : all) {
      assertThat(c.path("rule").asText()).as(c.get("id").asText()).isNotBlank();
      assertThat(c.path("source").asText()).as(c.get("id").asText()).isNotBlank();
    }
  }
}
