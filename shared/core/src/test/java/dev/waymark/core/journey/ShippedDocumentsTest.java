package dev.waymark.core.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.journey.compile.CompiledJourney;
import dev.waymark.core.journey.compile.CompilerFixtures;
import dev.waymark.core.journey.compile.JourneyCompiler;
import dev.waymark.core.journey.language.JourneyDocument;
import dev.waymark.core.journey.language.JourneyDocuments;
import dev.waymark.core.journey.language.Step;
import dev.waymark.core.json.Json;
import dev.waymark.core.message.Channel;
import dev.waymark.core.message.ClasspathTemplates;
import dev.waymark.core.message.MessageTemplate;
import dev.waymark.core.message.TemplateData;
import dev.waymark.core.message.TemplateRenderer;
import dev.waymark.core.problem.ProblemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped journey document ({@code statemachines/<id>/journey.yaml}) parses with the shipped
 * templates as its template lookup, every send step's template renders strictly with the document's
 * sample data for each of its channels, and the document compiles to the ASL in {@code
 * src/test/resources/golden/<id>.asl.json}, byte for byte (regenerate after an intended compiler
 * change with {@code -Dgolden.update=true} and review the diff).
 */
class ShippedDocumentsTest {
  private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();
  private static final Path STATEMACHINES = REPOSITORY.resolve("statemachines");
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final ClasspathTemplates TEMPLATES = new ClasspathTemplates(repositoryLoader());
  private static final TemplateRenderer RENDERER = TEMPLATES.renderer();

  static List<Path> documents() throws IOException {
    try (Stream<Path> folders = Files.list(STATEMACHINES)) {
      return folders
          .map(ShippedDocumentsTest::document)
          .flatMap(Optional::stream)
          .sorted()
          .toList();
    }
  }

  @Test
  void everyShippedJourneyHasADocument() throws IOException {
    assertThat(documents())
        .extracting(p -> p.getParent().getFileName().toString())
        .containsExactly(
            "abandoned-cart",
            "account-confirmation",
            "action-based-engagement",
            "car-loan",
            "configuration-reminder",
            "cross-sell",
            "first-purchase",
            "lease-renewal",
            "loan-application",
            "loyalty",
            "new-model-offer",
            "payment-overdue-weekly",
            "payment-reminders",
            "reactivation",
            "registration-reminders",
            "test-drive",
            "warranty-extension",
            "welcome-double-opt-in");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void parsesRendersAndCompilesToItsGoldenAsl(Path file) throws IOException {
    String id = file.getParent().getFileName().toString();
    JourneyDocument doc = parse(file);
    assertThat(doc.definition().id()).as("the id is the folder's name").isEqualTo(id);
    doc.steps().stream()
        .filter(Step.Send.class::isInstance)
        .map(Step.Send.class::cast)
        .forEach(send -> rendersWithTheSample(doc, send));

    CompiledJourney compiled = JourneyCompiler.compile(doc, CompilerFixtures.FUNCTIONS, Map.of());
    Path golden = GOLDEN.resolve(id + ".asl.json");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, compiled.asl(), StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file (regenerate with -Dgolden.update=true)").exists();
    assertThat(compiled.asl()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  /** The document, or a failure listing every error the parser found (field and message). */
  private static JourneyDocument parse(Path file) throws IOException {
    try {
      return JourneyDocuments.parseYaml(
          Files.readString(file, StandardCharsets.UTF_8),
          REPOSITORY.relativize(file).toString(),
          ShippedDocumentsTest::template);
    } catch (ProblemException e) {
      throw new AssertionError(file + ": " + e.problem().errors(), e);
    }
  }

  private static void rendersWithTheSample(JourneyDocument doc, Step.Send send) {
    MessageTemplate template = template(send.template()).orElseThrow();
    Map<String, Object> data = new HashMap<>();
    for (String part : List.of("profile", "event", "data")) {
      JsonNode node = doc.definition().sample().get(part);
      if (node != null) {
        data.put(part, Json.MAPPER.convertValue(node, Map.class));
      }
    }
    data.put("journey", Map.of("id", doc.definition().id()));
    data.put("unsubscribeUrl", "https://example.com/v1/unsubscribe?token=sample");
    data.put("address", "sample@example.com");
    data.put("confirmUrl", TemplateData.SAMPLE_CONFIRM_URL);
    Stream.concat(send.channels().stream(), send.also().stream())
        .forEach(
            (Channel c) ->
                assertThatCode(() -> RENDERER.render(template, c, data))
                    .as("step %s renders %s strictly with the sample", send.id(), c)
                    .doesNotThrowAnyException());
  }

  /**
   * A template by its global id: the one shipped file {@code
   * statemachines/<x>/templates/<id>.yaml}.
   */
  static Optional<MessageTemplate> template(String id) {
    try (Stream<Path> folders = Files.list(STATEMACHINES)) {
      List<MessageTemplate> found =
          folders.flatMap(f -> TEMPLATES.find(f.getFileName().toString(), id).stream()).toList();
      assertThat(found).as("template files named " + id).hasSizeLessThanOrEqualTo(1);
      return found.stream().findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A journey folder's document. */
  private static Optional<Path> document(Path folder) {
    return Optional.of(folder.resolve("journey.yaml")).filter(Files::isRegularFile);
  }

  private static ClassLoader repositoryLoader() {
    try {
      return new URLClassLoader(new URL[] {REPOSITORY.toUri().toURL()}, null);
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
