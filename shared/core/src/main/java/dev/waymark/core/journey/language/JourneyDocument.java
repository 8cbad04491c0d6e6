package dev.waymark.core.journey.language;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.journey.JourneyDefinition;
import dev.waymark.core.segment.InternalEvents;
import java.util.List;
import java.util.Optional;

/**
 * A journey as its author wrote it: the entry rules and policies ({@link #definition()}), the first
 * step and the graph of steps, and the document itself ({@code source}, as JSON) so it can be
 * stored, shown and diffed as written.
 */
public record JourneyDocument(
    JourneyDefinition definition, String start, List<Step> steps, ObjectNode source) {
  public JourneyDocument {
    steps = List.copyOf(steps);
  }

  /**
   * Whether people enter through {@code POST /v1/journeys/{id}/entries} ({@code entry: {api:
   * true}}).
   */
  public boolean acceptsApiEntries() {
    return definition.entry().event().equals(InternalEvents.JOURNEY_ENTRY_REQUESTED);
  }

  public Optional<Step> step(String id) {
    return steps.stream().filter(s -> s.id().equals(id)).findFirst();
  }
}
