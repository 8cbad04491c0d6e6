package dev.waymark.core.journey.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.json.Json;
import dev.waymark.core.profile.Profile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayTest {
  static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  /** A clock that records what the replay asked of it. */
  static final class Recorded implements Replay.VirtualTime {
    Instant now = T0;
    final List<String> calls = new ArrayList<>();

    @Override
    public Instant now() {
      return now;
    }

    @Override
    public void advanceTo(Instant at) {
      calls.add("advance " + at);
      now = at;
    }

    @Override
    public void settle() {
      calls.add("settle");
    }
  }

  @Test
  void eventsOfEveryonePlayInTheOrderTheyHappenedTimeMovingFirst() {
    Recorded time = new Recorded();
    List<String> seen = new ArrayList<>();
    Replay replay =
        new Replay(
            (outcome, event) ->
                seen.add(outcome.profileId() + " " + event.eventName() + " at " + time.now()),
            time,
            id -> Profile.create(id, Set.of(new Identity(IdentityNamespace.USER_ID, id)), T0));
    int played =
        replay.play(
            Map.of(
                "b", List.of(event("b1", "Cart Viewed", 60), event("b2", "Order Completed", 180)),
                "a", List.of(event("a1", "Cart Viewed", 60), event("a2", "Cart Viewed", 120))),
            T0.plusSeconds(3600));

    assertThat(played).isEqualTo(4);
    assertThat(seen)
        .containsExactly(
            "a Cart Viewed at " + T0.plusSeconds(60),
            "b Cart Viewed at " + T0.plusSeconds(60),
            "a Cart Viewed at " + T0.plusSeconds(120),
            "b Order Completed at " + T0.plusSeconds(180));
    assertThat(time.calls)
        .containsExactly(
            "advance " + T0.plusSeconds(60),
            "settle",
            "settle",
            "advance " + T0.plusSeconds(120),
            "settle",
            "advance " + T0.plusSeconds(180),
            "settle",
            "advance " + T0.plusSeconds(3600));
  }

  @Test
  void theEarliestEventStartsTheClock() {
    assertThat(
            Replay.earliest(
                Map.of("a", List.of(event("a1", "X", 50)), "b", List.of(event("b1", "X", 20))), T0))
        .isEqualTo(T0.plusSeconds(20));
    assertThat(Replay.earliest(Map.of("a", List.of()), T0)).isEqualTo(T0);
  }

  private static InboundEvent event(String messageId, String name, long secondsAfterT0) {
    Instant at = T0.plusSeconds(secondsAfterT0);
    return new InboundEvent(
        Json.object()
            .put("type", "track")
            .put("messageId", messageId)
            .put("userId", messageId.substring(0, 1))
            .put("event", name)
            .put("timestamp", at.toString()),
        at);
  }
}
