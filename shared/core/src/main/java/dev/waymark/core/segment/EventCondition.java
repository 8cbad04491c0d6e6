package dev.waymark.core.segment;

import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.journey.EventMatcher;
import dev.waymark.core.journey.FieldFilter;
import dev.waymark.core.profile.Profile;
import java.util.List;

/**
 * Which events a rule counts: a name ({@link RuleDependencies#ANY_EVENT} for any event a person
 * sent; Waymark's own events never count as activity) and filters over the event's fields.
 */
public record EventCondition(String name, List<FieldFilter> where) {
  public EventCondition {
    where = List.copyOf(where);
  }

  public boolean matches(InboundEvent event, Profile profile) {
    if (name.equals(RuleDependencies.ANY_EVENT)) {
      if (InternalEvents.isInternal(event)) {
        return false;
      }
    } else if (!name.equals(event.eventName())) {
      return false;
    }
    if (where.isEmpty()) {
      return true;
    }
    var subject = EventMatcher.subject(event, profile);
    return where.stream().allMatch(f -> f.test(subject));
  }
}
