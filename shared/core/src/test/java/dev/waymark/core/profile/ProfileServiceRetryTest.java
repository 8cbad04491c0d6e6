package dev.waymark.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.json.Json;
import dev.waymark.core.store.ConcurrentChangeException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The retry loop of {@link ProfileService}: lost races are retried, but not forever. */
class ProfileServiceRetryTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final InboundEvent EVENT =
      new InboundEvent(
          Json.parseObject(
              "{\"type\":\"track\",\"event\":\"E\",\"messageId\":\"m1\",\"anonymousId\":\"a1\"}"),
          NOW);

  /**
   * Knows no identity and one live profile "P"; its create and update lose a race the first {@code
   * losses} times they are called (all calls when negative).
   */
  static final class RacingStore implements ProfileStore {
    private final int losses;
    int writes;
    Profile written;
    List<ProcessingNote> createdWith;

    RacingStore(int losses) {
      this.losses = losses;
    }

    private void write(Profile profile) {
      writes++;
      if (losses < 0 || writes <= losses) {
        throw new ConcurrentChangeException("lost race " + writes);
      }
      written = profile;
    }

    @Override
    public Optional<String> profileIdOf(Identity identity) {
      return Optional.empty();
    }

    @Override
    public Optional<Profile> find(String profileId) {
      return Optional.of(Profile.create("P", List.of(TestProfiles.user("u")), NOW))
          .filter(p -> p.id().equals(profileId));
    }

    @Override
    public void create(Profile profile, InboundEvent firstEvent, List<ProcessingNote> notes) {
      write(profile);
      createdWith = notes;
    }

    @Override
    public void update(Profile updated) {
      write(updated);
    }

    @Override
    public void attach(Profile updated, Iterable<Identity> added) {
      throw new AssertionError("not expected");
    }

    @Override
    public void merge(Profile survivor, Profile loserRedirect) {
      throw new AssertionError("not expected");
    }

    @Override
    public void moveRecords(String fromProfileId, String toProfileId) {
      throw new AssertionError("not expected");
    }

    @Override
    public boolean record(Profile updated, InboundEvent event, List<ProcessingNote> notes) {
      throw new AssertionError("not expected");
    }
  }

  @Test
  void processSucceedsAfterLosingSomeRaces() {
    RacingStore store = new RacingStore(3);
    ProcessOutcome outcome = new ProfileService(store, CLOCK, () -> "new-id").process(EVENT);
    assertThat(outcome.profileId()).isEqualTo("new-id");
    assertThat(outcome.createdProfile()).isTrue();
    assertThat(store.writes).isEqualTo(4);
    assertThat(store.written.identities()).containsExactly(TestProfiles.anon("a1"));
  }

  @Test
  void processGivesUpAfterMaxPasses() {
    RacingStore store = new RacingStore(-1);
    ProfileService service = new ProfileService(store, CLOCK, () -> "new-id");
    assertThatThrownBy(() -> service.process(EVENT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("m1")
        .hasMessageContaining(ProfileService.MAX_PASSES + " passes");
    assertThat(store.writes).isEqualTo(ProfileService.MAX_PASSES);
  }

  @Test
  void recordConsentsRetriesAndThenGivesUp() {
    ConsentRequest.Change grant =
        new ConsentRequest.Change(
            ConsentChannel.EMAIL,
            null,
            new ConsentDecision(ConsentDecision.ConsentStatus.granted, "form", NOW));
    RacingStore flaky = new RacingStore(2);
    Profile updated = new ProfileService(flaky, CLOCK).recordConsents("P", List.of(grant));
    assertThat(updated.consents().allows(ConsentChannel.EMAIL, null)).isTrue();
    assertThat(flaky.writes).isEqualTo(3);

    RacingStore hopeless = new RacingStore(-1);
    assertThatThrownBy(
            () -> new ProfileService(hopeless, CLOCK).recordConsents("P", List.of(grant)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(hopeless.writes).isEqualTo(ProfileService.MAX_PASSES);
  }
}
