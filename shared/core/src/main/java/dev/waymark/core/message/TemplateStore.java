package dev.waymark.core.message;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Template documents by id, versioned: every changed document is a new version 1, 2, ...; the
 * latest is what sends use unless they name a version (a journey version pins its templates).
 */
public interface TemplateStore {
  /** One stored version of a template. */
  record StoredTemplate(String id, int version, TemplateDocument document, Instant createdAt) {
    public MessageTemplate template() {
      return document.template(id);
    }
  }

  /** What a put did: the version now latest, and whether it is new. */
  record Saved(StoredTemplate template, boolean created) {}

  /**
   * Stores the document as the next version, unless it is the same as the latest (same {@link
   * TemplateDocument#hash()}): then nothing changes and the latest is answered.
   */
  Saved put(String id, TemplateDocument document, Instant at);

  Optional<StoredTemplate> latest(String id);

  Optional<StoredTemplate> version(String id, int version);

  /** Every version of a template, oldest first (empty when there is no such template). */
  List<StoredTemplate> versions(String id);

  /** The id of every template, sorted. */
  List<String> ids();
}
