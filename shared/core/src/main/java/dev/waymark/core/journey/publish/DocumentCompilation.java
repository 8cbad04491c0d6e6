package dev.waymark.core.journey.publish;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.journey.JourneyDefinition;
import dev.waymark.core.journey.compile.CompiledJourney;
import dev.waymark.core.journey.compile.JourneyCompiler;
import dev.waymark.core.journey.compile.TaskFunctions;
import dev.waymark.core.journey.language.JourneyDocument;
import dev.waymark.core.journey.language.JourneyDocuments;
import dev.waymark.core.journey.language.TemplateLookup;
import java.util.Map;

/**
 * The journey language's parser and compiler as the publish path uses them: a document is checked
 * against the templates that exist ({@code templates}) and compiled to ASL that calls {@code
 * functions}. A document already published is only re-read for its entry rules, without the
 * template check (its templates were checked, and are pinned, when it was published).
 */
public record DocumentCompilation(TaskFunctions functions, TemplateLookup templates)
    implements JourneyCompilation {
  @Override
  public Compiled compile(JsonNode document, Map<String, String> templateVersions) {
    JourneyDocument parsed = JourneyDocuments.parseJson(document, templates);
    CompiledJourney compiled = JourneyCompiler.compile(parsed, functions, templateVersions);
    return new Compiled(parsed.definition(), compiled.asl(), compiled.templateIds());
  }

  @Override
  public JourneyDefinition definition(JsonNode document) {
    return JourneyDocuments.parseJson(document, TemplateLookup.ANY).definition();
  }
}
