package dev.waymark.core.segment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.profile.ProcessOutcome;
import dev.waymark.core.profile.ProcessedEventListener;
import java.time.LocalDate;
import java.util.List;

/**
 * Keeps the sparse date index current: when an event sets one of the indexed date traits (or the
 * profile is new or merged), the person's marker for it is written with the trait's current date
 * (an ISO date, or the date part of a timestamp), or removed when the trait is gone.
 */
public final class DateTraitMarkers implements ProcessedEventListener {
  public static final String LEASE_END = "leaseEnd";
  private final DateMarkers markers;
  private final List<String> traits;

  public DateTraitMarkers(DateMarkers markers, List<String> traits) {
    this.markers = markers;
    this.traits = List.copyOf(traits);
  }

  @Override
  public void onProcessed(ProcessOutcome outcome, InboundEvent event) {
    boolean all = outcome.createdProfile() || outcome.joinedProfiles();
    for (String trait : traits) {
      LocalDate date = dateOf(outcome.profile().traits().values().get(trait));
      // a profile created by this event has no marker yet: nothing to remove when it has no date
      boolean nothingToDo = outcome.createdProfile() && date == null;
      if ((all || event.traits().has(trait)) && !nothingToDo) {
        markers.mark(outcome.profileId(), trait, date);
      }
    }
  }

  /** The date a trait value names, or null. */
  public static LocalDate dateOf(JsonNode value) {
    if (value == null || !value.isTextual() || value.asText().length() < 10) {
      return null;
    }
    return DateRule.date(
            com.fasterxml.jackson.databind.node.TextNode.valueOf(value.asText().substring(0, 10)))
        .orElse(null);
  }
}
