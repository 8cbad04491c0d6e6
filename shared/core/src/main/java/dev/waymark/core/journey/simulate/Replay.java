package dev.waymark.core.journey.simulate;

import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.profile.ProcessOutcome;
import dev.waymark.core.profile.ProcessedEventListener;
import dev.waymark.core.profile.Profile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Plays recorded timelines through a journey router in virtual time: every sampled person's events
 * in the order they happened (by timestamp, then person, then messageId, so the same input replays
 * the same way), the clock moved to each event's time first (so waits and time-outs due before it
 * fire first, as they would have), then to {@code until}.
 *
 * @param router the journey router (over the simulation's scratch stores)
 * @param time the workflow engine's virtual clock
 * @param profiles the person's profile as the simulation has it now (an update step changes it)
 */
public record Replay(
    ProcessedEventListener router, VirtualTime time, Function<String, Profile> profiles) {

  /** The virtual clock the simulated runs use. */
  public interface VirtualTime {
    Instant now();

    /** Moves time to {@code at}, running every timer due on the way, then settles. */
    void advanceTo(Instant at);

    /** Lets everything the last event started run until it waits for time or another event. */
    void settle();
  }

  /** Replays the events (by profile id) and runs the clock on to {@code until}; how many events. */
  public int play(Map<String, List<InboundEvent>> timelines, Instant until) {
    record Timed(String profileId, InboundEvent event) {}
    List<Timed> all = new ArrayList<>();
    timelines.forEach((id, events) -> events.forEach(e -> all.add(new Timed(id, e))));
    all.sort(
        Comparator.comparing((Timed t) -> t.event().timestamp())
            .thenComparing(Timed::profileId)
            .thenComparing(t -> t.event().messageId()));
    for (Timed timed : all) {
      Instant at = timed.event().timestamp();
      if (at.isAfter(time.now())) {
        time.advanceTo(at);
      }
      Profile profile = profiles.apply(timed.profileId());
      router.onProcessed(new ProcessOutcome(profile, true, 0, false), timed.event());
      time.settle();
    }
    if (until.isAfter(time.now())) {
      time.advanceTo(until);
    }
    return all.size();
  }

  /** The earliest event of the timelines, or {@code otherwise} when there is none. */
  public static Instant earliest(Map<String, List<InboundEvent>> timelines, Instant otherwise) {
    return timelines.values().stream()
        .flatMap(List::stream)
        .map(InboundEvent::timestamp)
        .min(Comparator.naturalOrder())
        .orElse(otherwise);
  }
}
