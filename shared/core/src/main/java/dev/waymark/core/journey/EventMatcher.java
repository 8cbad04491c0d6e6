package dev.waymark.core.journey;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.json.Json;
import dev.waymark.core.profile.Profile;
import java.util.List;

/**
 * "This event, with these filters": an event name (what {@link InboundEvent#eventName()} gives) and
 * filters over the event and the person's traits, all of which must hold.
 */
public record EventMatcher(String event, List<FieldFilter> filters) {

  public EventMatcher {
    filters = List.copyOf(filters);
  }

  public boolean matches(InboundEvent candidate, Profile profile) {
    return event.equals(candidate.eventName())
        && filters.stream().allMatch(f -> f.test(subject(candidate, profile)));
  }

  /** What filters see: the event's fields, and the profile's traits under {@code traits}. */
  public static ObjectNode subject(InboundEvent event, Profile profile) {
    ObjectNode subject = Json.object();
    subject.put("event", event.eventName());
    subject.put("type", event.type().wireName());
    if (event.body().has("name")) {
      subject.set("name", event.body().get("name"));
    }
    subject.set("properties", event.properties());
    subject.set(
        "context",
        event.body().path("context").isObject() ? event.body().get("context") : Json.object());
    subject.set("traits", profile == null ? Json.object() : profile.traits().values());
    subject.put("timestamp", event.timestamp().toString());
    return subject;
  }
}
