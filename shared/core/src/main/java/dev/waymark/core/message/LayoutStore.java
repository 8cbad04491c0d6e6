package dev.waymark.core.message;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Shared email layouts by id, versioned like templates: every changed layout is a new version 1, 2,
 * ...; rendering wraps a template's HTML in the latest version of its layout (see
 * docs/templates.md#layouts).
 */
public interface LayoutStore {
  /** One stored version of a layout: Liquid with {@code {{ content }}} where the message goes. */
  record StoredLayout(String id, int version, String html, Instant createdAt) {}

  /** What a put did: the version now latest, and whether it is new. */
  record Saved(StoredLayout layout, boolean created) {}

  /** Stores the HTML as the next version, unless it is the same as the latest's. */
  Saved put(String id, String html, Instant at);

  Optional<StoredLayout> latest(String id);

  /** Every version of a layout, oldest first (empty when there is no such layout). */
  List<StoredLayout> versions(String id);

  /** The id of every layout, sorted. */
  List<String> ids();
}
