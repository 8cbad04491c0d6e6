package dev.waymark.states.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.states.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs the recorded AWS Step Functions corpus. Prints pass/total per category, writes
 * target/conformance-report.md (every failing case with its reason) and fails when a category drops
 * below src/test/resources/conformance-baseline.json. Run one case or a subset with
 * -Dconformance.filter=substring.
 */
class ConformanceTest {
  /**
   * Services our harness can serve (Lambda stubs plus the local doubles in {@link LocalDoubles}).
   */
  static final Set<String> SUPPORTED =
      Set.of(
          "lambda",
          "sqs",
          "sns",
          "events",
          "dynamodb",
          "aws-sdk:dynamodb",
          "stepfunctions",
          "aws-sdk:sfn");

  record Outcome(String id, String category, String failure, boolean core) {}

  /** The target set: no external service, or only the corpus's Lambda stubs. */
  static boolean core(JsonNode c) {
    for (JsonNode s : c.path("external_services")) {
      if (!s.asText().equals("lambda")) {
        return false;
      }
    }
    return true;
  }

  @Test
  void corpus() throws Exception {
    Path corpus = Corpus.locate();
    Assumptions.assumeTrue(corpus != null, "ASL conformance corpus not found");
    String filter = System.getProperty("conformance.filter");
    List<Outcome> outcomes = new ArrayList<>();
    Map<String, int[]> totals = new TreeMap<>();
    ExecutorService pool = Executors.newCachedThreadPool();
    List<JsonNode> cases = Corpus.load(corpus);
    NestedMachines.index(cases);
    try {
      for (JsonNode c : cases) {
        String category = c.path("category").asText();
        totals.computeIfAbsent(category, k -> new int[3])[2]++;
        if (!eligible(c) || (filter != null && !c.path("id").asText().contains(filter))) {
          continue;
        }
        String failure = runWithTimeout(pool, c);
        int[] t = totals.get(category);
        t[1]++;
        if (failure == null) {
          t[0]++;
        }
        outcomes.add(new Outcome(c.path("id").asText(), category, failure, core(c)));
        if (filter != null) {
          System.out.println(c.path("id").asText() + " -> " + (failure == null ? "PASS" : failure));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    report(totals, outcomes);
    if (filter == null) {
      checkBaseline(totals);
    }
  }

  static boolean eligible(JsonNode c) {
    if (!c.path("harness_error").isNull() && !c.path("harness_error").isMissingNode()) {
      return false;
    }
    JsonNode def = c.get("definition");
    boolean noDefinition = def == null || def.isNull();
    if (noDefinition
        && c.path("api").asText().startsWith("Start")
        && !"StateMachineDoesNotExist".equals(c.path("expected").path("error").asText())) {
      return false;
    }
    if (c.path("kind").asText().equals("test_state")) {
      return true; // TestState does not call services when the task is mocked
    }
    for (JsonNode s : c.path("external_services")) {
      if (!SUPPORTED.contains(s.asText())) {
        return false;
      }
    }
    return true;
  }

  private static String runWithTimeout(ExecutorService pool, JsonNode c) {
    Future<String> f =
        pool.submit(
            () -> {
              try {
                return CaseRunner.run(c);
              } catch (Throwable t) {
                return "exception " + t;
              }
            });
    try {
      return f.get(CaseRunner.CASE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      f.cancel(true);
      return "timeout/harness error: " + e;
    }
  }

  private static void report(Map<String, int[]> totals, List<Outcome> outcomes) throws IOException {
    StringBuilder sb =
        new StringBuilder("| category | passed | eligible | corpus total |\n|---|---|---|---|\n");
    int[] sum = new int[3];
    totals.forEach(
        (k, v) -> {
          sb.append("| ")
              .append(k)
              .append(" | ")
              .append(v[0])
              .append(" | ")
              .append(v[1])
              .append(" | ")
              .append(v[2])
              .append(" |\n");
          for (int i = 0; i < 3; i++) {
            sum[i] += v[i];
          }
        });
    sb.append("| **all** | ")
        .append(sum[0])
        .append(" | ")
        .append(sum[1])
        .append(" | ")
        .append(sum[2])
        .append(" |\n\n");
    long coreTotal = outcomes.stream().filter(Outcome::core).count();
    long corePassed = outcomes.stream().filter(o -> o.core() && o.failure() == null).count();
    sb.append("Cases needing no external service or only the Lambda stubs: ")
        .append(corePassed)
        .append(" / ")
        .append(coreTotal)
        .append(" pass.\n\n## Failing eligible cases\n\n");
    for (Outcome o : outcomes) {
      if (o.failure() != null) {
        sb.append("- `")
            .append(o.id())
            .append("` — ")
            .append(o.failure().replace("\n", " "))
            .append('\n');
      }
    }
    System.out.println(sb.substring(0, sb.indexOf("## Failing")));
    Path target = Path.of("target");
    Files.createDirectories(target);
    Files.writeString(target.resolve("conformance-report.md"), sb.toString());
  }

  private static void checkBaseline(Map<String, int[]> totals) throws IOException {
    try (InputStream in = ConformanceTest.class.getResourceAsStream("/conformance-baseline.json")) {
      Assumptions.assumeTrue(in != null, "no baseline");
      JsonNode base = Json.MAPPER.readTree(in);
      ObjectNode now = Json.object();
      totals.forEach((k, v) -> now.put(k, v[0]));
      Files.writeString(
          Path.of("target", "conformance-current.json"),
          Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(now));
      base.fields()
          .forEachRemaining(
              e ->
                  assertThat(now.path(e.getKey()).asInt())
                      .as(
                          "passing cases in category %s (baseline %s)",
                          e.getKey(), e.getValue().asInt())
                      .isGreaterThanOrEqualTo(e.getValue().asInt()));
    }
  }
}
