package dev.waymark.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.json.Json;
import dev.waymark.core.store.ConcurrentChangeException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A batch's view of the profile store: read up front, writes kept, forgotten on any failure. */
class BatchProfileStoreTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final Identity U1 = TestProfiles.user("u1");
  private static final Identity A1 = TestProfiles.anon("a1");
  private static final InboundEvent EVENT =
      new InboundEvent(
          Json.parseObject(
              "{\"type\":\"track\",\"event\":\"E\",\"messageId\":\"m1\",\"userId\":\"u1\"}"),
          NOW);

  /** A store in memory that counts its reads and can be told to lose the next write. */
  static final class CountingStore implements ProfileStore {
    final Map<Identity, String> owners = new HashMap<>();
    final Map<String, Profile> profiles = new HashMap<>();
    int singleReads;
    int batchReads;
    boolean loseNextWrite;

    @Override
    public Optional<String> profileIdOf(Identity identity) {
      singleReads++;
      return Optional.ofNullable(owners.get(identity));
    }

    @Override
    public Optional<Profile> find(String profileId) {
      singleReads++;
      return Optional.ofNullable(profiles.get(profileId));
    }

    @Override
    public Map<Identity, String> profileIdsOf(Collection<Identity> identities) {
      batchReads++;
      Map<Identity, String> found = new HashMap<>();
      identities.stream().filter(owners::containsKey).forEach(i -> found.put(i, owners.get(i)));
      return found;
    }

    @Override
    public Map<String, Profile> findAll(Collection<String> profileIds) {
      batchReads++;
      Map<String, Profile> found = new HashMap<>();
      profileIds.stream().filter(profiles::containsKey).forEach(i -> found.put(i, profiles.get(i)));
      return found;
    }

    private void write(Profile profile) {
      if (loseNextWrite) {
        loseNextWrite = false;
        throw new ConcurrentChangeException("lost");
      }
      profiles.put(profile.id(), profile);
    }

    @Override
    public void create(Profile profile, InboundEvent firstEvent, List<ProcessingNote> notes) {
      write(profile);
      profile.identities().forEach(i -> owners.put(i, profile.id()));
    }

    @Override
    public void attach(Profile updated, Iterable<Identity> added) {
      write(updated);
      added.forEach(i -> owners.put(i, updated.id()));
    }

    @Override
    public void merge(Profile survivor, Profile loserRedirect) {
      write(survivor);
      write(loserRedirect);
    }

    @Override
    public void moveRecords(String fromProfileId, String toProfileId) {
      owners.replaceAll((i, p) -> p.equals(fromProfileId) ? toProfileId : p);
    }

    @Override
    public void update(Profile updated) {
      write(updated);
    }

    @Override
    public boolean record(Profile updated, InboundEvent event, List<ProcessingNote> notes) {
      write(updated);
      return true;
    }
  }

  private static CountingStore storeWithP() {
    CountingStore store = new CountingStore();
    store.create(TestProfiles.profile("P", NOW, U1), EVENT, List.of());
    return store;
  }

  @Test
  void aPrefetchReadsIdentitiesAndTheirProfilesInTwoBatchedReads() {
    CountingStore store = storeWithP();
    BatchProfileStore batch = new BatchProfileStore(store);

    batch.prefetch(Set.of(U1, A1));

    assertThat(batch.profileIdOf(U1)).contains("P");
    assertThat(batch.profileIdOf(A1)).isEmpty();
    assertThat(batch.find("P")).isPresent();
    assertThat(store.batchReads).isEqualTo(2);
    assertThat(store.singleReads).isZero();
    assertThat(batch.knownOwner(U1)).contains("P");
  }

  @Test
  void aPrefetchFollowsAMergeRedirectToTheSurvivor() {
    CountingStore store = storeWithP();
    store.create(TestProfiles.profile("Q", NOW, A1), EVENT, List.of());
    store.update(store.profiles.get("Q").mergedInto("P", NOW));
    BatchProfileStore batch = new BatchProfileStore(store);

    batch.prefetch(Set.of(A1));
    ProfileService service = new ProfileService(store, java.time.Clock.systemUTC()).over(batch);

    assertThat(service.lookup(A1)).map(Profile::id).contains("P");
    assertThat(store.batchReads).isEqualTo(3);
    assertThat(store.singleReads).isZero();
  }

  @Test
  void whatTheBatchWroteIsReadBackWithoutAReadOfTheStore() {
    CountingStore store = storeWithP();
    BatchProfileStore batch = new BatchProfileStore(store);
    batch.prefetch(Set.of(U1));
    Profile updated = batch.find("P").orElseThrow().withIdentities(List.of(A1), NOW);

    batch.attach(updated, List.of(A1));

    assertThat(batch.profileIdOf(A1)).contains("P");
    assertThat(batch.find("P")).contains(updated);
    assertThat(store.singleReads).isZero();
  }

  @Test
  void aLostRaceForgetsEverythingKeptSoTheNextPassReadsAfresh() {
    CountingStore store = storeWithP();
    BatchProfileStore batch = new BatchProfileStore(store);
    batch.prefetch(Set.of(U1));
    Profile stale = batch.find("P").orElseThrow();
    store.loseNextWrite = true;

    assertThatThrownBy(() -> batch.update(stale.withIdentities(List.of(A1), NOW)))
        .isInstanceOf(ConcurrentChangeException.class);
    batch.find("P");
    batch.profileIdOf(U1);

    assertThat(store.singleReads).isEqualTo(2);
  }

  @Test
  void movedRecordsRepointTheKeptIdentities() {
    CountingStore store = storeWithP();
    BatchProfileStore batch = new BatchProfileStore(store);
    batch.prefetch(Set.of(U1));

    batch.moveRecords("P", "S");

    assertThat(batch.profileIdOf(U1)).contains("S");
    assertThat(store.singleReads).isZero();
  }
}
