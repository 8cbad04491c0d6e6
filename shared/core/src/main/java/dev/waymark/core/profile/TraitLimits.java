package dev.waymark.core.profile;

import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.json.Json;
import java.nio.charset.StandardCharsets;

/**
 * The most traits one profile may hold (docs/api.md#limits): {@link #MAX_PROFILE_TRAITS_BYTES} of
 * trait names, values and set-times as stored. An event whose traits would take a profile past it
 * is still recorded, but its trait update is refused whole, and the event on the timeline says why
 * ({@code traitsRefused}); the person's later events are processed as usual. An update that shrinks
 * the traits (a {@code null} removes a trait) is always applied.
 */
public final class TraitLimits {
  public static final int MAX_PROFILE_TRAITS_BYTES = 64 * 1024;

  /** The field the refusal reason is recorded in, on the event as the timeline shows it. */
  public static final String REFUSED_FIELD = "traitsRefused";

  /** The traits after an event and the event as it is to be recorded. */
  public record Applied(Traits traits, InboundEvent event) {}

  private TraitLimits() {}

  /** Applies the event's traits to {@code current} unless the result would be too large. */
  public static Applied apply(Traits current, InboundEvent event) {
    Traits next = current.applying(event.traits(), event.timestamp());
    int size = size(next);
    if (size <= MAX_PROFILE_TRAITS_BYTES || size <= size(current)) {
      return new Applied(next, event);
    }
    InboundEvent marked = new InboundEvent(event.body().deepCopy(), event.receivedAt());
    marked
        .body()
        .put(
            REFUSED_FIELD,
            "traits not applied: the profile's traits would take "
                + size
                + " bytes, more than the "
                + MAX_PROFILE_TRAITS_BYTES
                + " a profile may hold; remove traits (set them to null) to make room");
    return new Applied(current, marked);
  }

  /** The stored size of a profile's traits: values and set-times as JSON, in bytes. */
  public static int size(Traits traits) {
    return Json.write(traits.values()).getBytes(StandardCharsets.UTF_8).length
        + Json.write(traits.setAt()).getBytes(StandardCharsets.UTF_8).length;
  }
}
