package dev.waymark.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The notes {@link ProfileService} hands the store when it creates a profile. */
class ProfileServiceNotesTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static InboundEvent identify(String traits) {
    return new InboundEvent(
        Json.parseObject(
            "{\"type\":\"identify\",\"messageId\":\"m1\",\"anonymousId\":\"a1\",\"traits\":"
                + traits
                + "}"),
        NOW);
  }

  @Test
  void aFirstEventWithinTheLimitCreatesTheProfileWithoutNotes() {
    ProfileServiceRetryTest.RacingStore store = new ProfileServiceRetryTest.RacingStore(0);
    new ProfileService(store, CLOCK, () -> "new-id").process(identify("{\"plan\":\"pro\"}"));
    assertThat(store.createdWith).isEmpty();
    assertThat(store.written.traits().values().path("plan").asText()).isEqualTo("pro");
  }

  @Test
  void aFirstEventPastTheTraitLimitCreatesTheProfileWithATraitLimitNote() {
    // past ingest's per-event limit too, which is what keeps this from happening over the API
    String big = "x".repeat(TraitLimits.MAX_PROFILE_TRAITS_BYTES);
    ProfileServiceRetryTest.RacingStore store = new ProfileServiceRetryTest.RacingStore(0);
    InboundEvent event = identify("{\"big\":\"" + big + "\"}");
    String sent = event.body().toString();

    new ProfileService(store, CLOCK, () -> "new-id").process(event);

    assertThat(store.createdWith)
        .extracting(ProcessingNote::code)
        .containsExactly(ProcessingNote.TRAIT_LIMIT);
    assertThat(store.written.traits().values().has("big")).isFalse();
    assertThat(event.body().toString()).isEqualTo(sent);
  }
}
