package dev.waymark.aws.journey;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.journey.ClasspathJourneys;
import dev.waymark.core.journey.JourneyDefinition;
import dev.waymark.core.journey.JourneyDefinitionException;
import dev.waymark.core.journey.JourneyYaml;
import dev.waymark.core.journey.publish.JourneyCompilation;
import dev.waymark.core.json.Json;
import dev.waymark.core.problem.FieldError;
import dev.waymark.core.problem.Problem;
import dev.waymark.core.problem.ProblemException;
import java.util.List;
import java.util.Map;

/**
 * TRANSITIONAL — deleted when the journey language's parser and compiler are merged (issue 9). It
 * "compiles" a shipped journey: the document is the old {@code journey.yaml} (as JSON, checked by
 * {@link JourneyYaml}) and the ASL is the journey's hand-written {@code definition.asl.json} from
 * the class path, with {@code ${SendFunctionArn}} and {@code ${AwaitFunctionArn}} (template.yaml's
 * DefinitionSubstitutions) replaced by the configured task function ARNs. A journey without a
 * packaged definition is refused with a 400 naming {@code id}.
 */
public record LegacyAslCompilation(String sendFunctionArn, String awaitFunctionArn)
    implements JourneyCompilation {
  @Override
  public Compiled compile(JsonNode document, Map<String, String> templateVersions) {
    String id = document.path("id").asText("");
    String asl =
        id.matches("[a-z0-9-]{1,64}")
            ? ClasspathJourneys.readOptional(
                LegacyAslCompilation.class.getClassLoader(),
                ClasspathJourneys.ROOT + "/" + id + "/definition.asl.json")
            : null;
    if (asl == null) {
      throw ProblemException.invalidField(
          "/id", "no packaged state machine definition for this journey");
    }
    JourneyDefinition definition;
    try {
      definition = JourneyYaml.parse(Json.write(document), asl, "journey " + id);
    } catch (JourneyDefinitionException e) {
      List<FieldError> errors =
          e.problems().stream()
              .map(p -> p.split(": ", 2))
              .map(p -> new FieldError("/" + p[0].replace('.', '/'), p.length > 1 ? p[1] : p[0]))
              .toList();
      throw new ProblemException(Problem.invalid("invalid journey document", errors));
    }
    String resolved =
        asl.replace("${SendFunctionArn}", sendFunctionArn)
            .replace("${AwaitFunctionArn}", awaitFunctionArn);
    return new Compiled(definition, resolved, List.of());
  }
}
