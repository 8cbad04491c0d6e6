package dev.waymark.core.journey.publish;

import java.util.Optional;

/** The latest version of each template, pinned by a journey version when it is published. */
@FunctionalInterface
public interface TemplateVersions {
  /** No template store: nothing is pinned (templates are read from the package). */
  TemplateVersions NONE = templateId -> Optional.empty();

  Optional<String> latest(String templateId);
}
