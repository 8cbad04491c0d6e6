package dev.waymark.core.message;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.journey.ClasspathJourneys;
import dev.waymark.core.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Templates kept beside the journey that uses them ({@code
 * statemachines/<journey>/templates/<name>.yaml}) and shared layouts in one place ({@code
 * statemachines/_layouts/<name>.liquid}), read from the class path.
 */
public record ClasspathTemplates(ClassLoader loader) {
  public Optional<MessageTemplate> find(String journeyId, String name) {
    String yaml =
        ClasspathJourneys.readOptional(
            loader, ClasspathJourneys.ROOT + "/" + journeyId + "/templates/" + name + ".yaml");
    if (yaml == null) {
      return Optional.empty();
    }
    JsonNode node =
        Json.MAPPER.valueToTree(new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml));
    Map<String, String> parts = new LinkedHashMap<>();
    for (String part : MessageTemplate.PARTS) {
      if (node.hasNonNull(part)) {
        parts.put(part, node.get(part).asText());
      }
    }
    return Optional.of(
        new MessageTemplate(
            journeyId,
            name,
            parts,
            node.hasNonNull("layout")
                ? Optional.of(node.get("layout").asText())
                : Optional.empty()));
  }

  public Optional<String> layout(String name) {
    return Optional.ofNullable(
        ClasspathJourneys.readOptional(
            loader, ClasspathJourneys.ROOT + "/_layouts/" + name + ".liquid"));
  }

  public TemplateRenderer renderer() {
    return new TemplateRenderer(this::layout);
  }
}
