package dev.waymark.core.journey.language;

import dev.waymark.core.message.MessageTemplate;
import java.util.Optional;

/** Finds the template a send step names, so a document is checked against what exists. */
@FunctionalInterface
public interface TemplateLookup {
  /**
   * Checks nothing: the parser skips template checks when given this very instance (drafts saved
   * before their templates, tests of the language alone).
   */
  TemplateLookup ANY = id -> Optional.empty();

  Optional<MessageTemplate> find(String templateId);
}
