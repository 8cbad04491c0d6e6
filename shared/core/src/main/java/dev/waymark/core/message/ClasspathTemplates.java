package dev.waymark.core.message;

import dev.waymark.core.journey.ClasspathJourneys;
import java.util.Optional;

/**
 * The template files shipped beside the journeys ({@code
 * statemachines/<journey>/templates/<id>.yaml}, each a {@link TemplateDocument}) and the shared
 * layouts ({@code statemachines/_layouts/<name>.liquid}), read from the class path, for checking
 * the shipped files themselves. Sends read templates from the {@link TemplateStore} and layouts
 * from the {@link LayoutStore}; {@code ShippedTemplates} puts these files there.
 */
public record ClasspathTemplates(ClassLoader loader) {
  /** The file template, checked (shape and strict rendering against its sample). */
  public Optional<MessageTemplate> find(String journeyId, String name) {
    String path = ClasspathJourneys.ROOT + "/" + journeyId + "/templates/" + name + ".yaml";
    String yaml = ClasspathJourneys.readOptional(loader, path);
    if (yaml == null) {
      return Optional.empty();
    }
    MessageTemplate template = TemplateDocuments.parseYaml(yaml, path, renderer()).template(name);
    return Optional.of(new MessageTemplate(journeyId, name, template.parts(), template.layout()));
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
