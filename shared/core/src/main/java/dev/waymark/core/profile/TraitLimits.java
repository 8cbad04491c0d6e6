package dev.waymark.core.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The most traits one profile may hold (docs/api.md#limits): {@link #MAX_PROFILE_TRAITS_BYTES} of
 * trait names, values and set-times as stored. An event whose traits would take a profile past it
 * is still recorded as sent, but its trait update is refused whole, and a {@link ProcessingNote}
 * ({@code trait_limit}) recorded with it says why; the person's later events are processed as
 * usual. An update that shrinks the traits (a {@code null} removes a trait) is always applied.
 */
public final class TraitLimits {
  public static final int MAX_PROFILE_TRAITS_BYTES = 64 * 1024;

  /**
   * The traits after an event, and the notes to record with it on what was not applied (empty when
   * everything was).
   */
  public record Applied(Traits traits, List<ProcessingNote> notes) {}

  private TraitLimits() {}

  /** Applies the event's traits to {@code current} unless the result would be too large. */
  public static Applied apply(Traits current, InboundEvent event) {
    return apply(current, event, List.of());
  }

  /**
   * As {@link #apply(Traits, InboundEvent)}, for an event whose processing merged profiles and left
   * out {@code droppedOnMerge} (the merged-away profiles' traits that did not fit): a note then
   * says which, too.
   */
  public static Applied apply(Traits current, InboundEvent event, List<String> droppedOnMerge) {
    Traits next = current.applying(event.traits(), event.timestamp());
    List<ProcessingNote> notes = new ArrayList<>();
    boolean fits = fits(current, next);
    if (!fits) {
      notes.add(
          new ProcessingNote(
              ProcessingNote.TRAIT_LIMIT,
              "traits not applied: the profile's traits would take "
                  + size(next)
                  + " bytes, more than the "
                  + MAX_PROFILE_TRAITS_BYTES
                  + " a profile may hold; remove traits (set them to null) to make room"));
    }
    if (!droppedOnMerge.isEmpty()) {
      notes.add(
          new ProcessingNote(
              ProcessingNote.MERGE_TRAITS_DROPPED,
              "a merge left out traits of the merged-away profile that did not fit in the "
                  + MAX_PROFILE_TRAITS_BYTES
                  + " bytes a profile may hold: "
                  + String.join(", ", droppedOnMerge)));
    }
    return new Applied(fits ? next : current, List.copyOf(notes));
  }

  /** True when {@code after} may replace {@code before}: within the limit, or no larger. */
  public static boolean fits(Traits before, Traits after) {
    int size = size(after);
    return size <= MAX_PROFILE_TRAITS_BYTES || size <= size(before);
  }

  /** A survivor's traits after a merge, and the loser's trait names that did not fit. */
  public record Merged(Traits traits, List<String> dropped) {}

  /**
   * The survivor's traits merged with the loser's (per trait the most recent wins). When the union
   * would pass the limit, the loser's traits join newest first (then by name) while they fit; the
   * rest are dropped and named, so a merge can never build an item DynamoDB refuses.
   */
  public static Merged merge(Traits survivor, Traits loser) {
    Traits all = survivor.mergedWith(loser);
    if (fits(survivor, all)) {
      return new Merged(all, List.of());
    }
    List<Map.Entry<String, Instant>> newestFirst = new ArrayList<>(loser.setAt().entrySet());
    newestFirst.sort(
        Map.Entry.<String, Instant>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    Traits kept = survivor;
    int size = size(kept);
    List<String> dropped = new ArrayList<>();
    for (Map.Entry<String, Instant> trait : newestFirst) {
      ObjectNode value = Json.object();
      if (loser.values().has(trait.getKey())) {
        value.set(trait.getKey(), loser.values().get(trait.getKey()));
      }
      Traits one = new Traits(value, Map.of(trait.getKey(), trait.getValue()));
      int grows = size(one); // an upper bound of what joining it adds
      if (size + grows <= MAX_PROFILE_TRAITS_BYTES) {
        kept = kept.mergedWith(one);
        size += grows;
      } else if (survivor.setAt().containsKey(trait.getKey())) {
        continue; // the survivor keeps its own value of this trait: nothing is lost
      } else {
        dropped.add(trait.getKey());
      }
    }
    dropped.sort(null);
    return new Merged(kept, dropped);
  }

  /** The stored size of a profile's traits: values and set-times as JSON, in bytes. */
  public static int size(Traits traits) {
    return Json.write(traits.values()).getBytes(StandardCharsets.UTF_8).length
        + Json.write(traits.setAt()).getBytes(StandardCharsets.UTF_8).length;
  }
}
