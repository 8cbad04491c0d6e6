package dev.waymark.core.journey;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything about a journey except its steps: who may enter, how often, who is held out, what
 * counts as its goals, and the dates between which people may enter ({@code startsAt} included,
 * {@code endsAt} excluded). The steps are in the journey document ({@link
 * dev.waymark.core.journey.language.JourneyDocument}). {@code version} identifies this content.
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
    List<Goal> goals,
    Optional<Instant> startsAt,
    Optional<Instant> endsAt,
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
    goals = List.copyOf(goals);
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
        goals,
        startsAt,
        endsAt,
        sample,
        publishedVersion);
  }
}
