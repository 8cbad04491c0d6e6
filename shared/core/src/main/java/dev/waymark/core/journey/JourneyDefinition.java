package dev.waymark.core.journey;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * What {@code statemachines/<id>/journey.yaml} says: everything about a journey the state machine
 * itself cannot — who may enter, how often, who is held out, what counts as its goal. The state
 * machine ({@code definition.asl.json}) holds the steps. {@code version} identifies this content.
 */
public record JourneyDefinition(
    String id,
    String name,
    String description,
    int priority,
    EventMatcher entry,
    List<String> audience,
    Eligibility eligibility,
    Optional<Span> lock,
    Optional<EntryCap> entryCap,
    int holdoutPercent,
    Optional<Goal> goal,
    ObjectNode sample,
    String version) {

  public enum Eligibility {
    once,
    multiple
  }

  /** At most {@code count} entries within any {@code within}. */
  public record EntryCap(int count, Span within) {}

  /** The conversion: an event with filters within a window of entering; optionally ends the run. */
  public record Goal(EventMatcher event, Span within, boolean exitOnGoal) {}

  public JourneyDefinition {
    audience = List.copyOf(audience);
  }

  /** The same journey as published version {@code publishedVersion} ("1", "2", ...). */
  public JourneyDefinition withVersion(String publishedVersion) {
    return new JourneyDefinition(
        id,
        name,
        description,
        priority,
        entry,
        audience,
        eligibility,
        lock,
        entryCap,
        holdoutPercent,
        goal,
        sample,
        publishedVersion);
  }
}
