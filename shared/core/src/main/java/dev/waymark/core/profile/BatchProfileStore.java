package dev.waymark.core.profile;

import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.identity.Identity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The profile store as one batch of events sees it: the batch's identities and their profiles are
 * read up front in a couple of round trips ({@link #prefetch}), and what this batch writes is kept
 * as written, so the passes after an attach or a merge do not read back what they just wrote.
 *
 * <p>Safe because every write is conditional on the versions read: a value kept here that someone
 * else changed meanwhile makes the write fail with a lost race, and any failed write forgets
 * everything kept, so the next pass reads afresh. A kept value is only ever a shortcut for a read
 * the write then checks.
 */
final class BatchProfileStore implements ProfileStore {
  private final ProfileStore store;
  private final Map<Identity, Optional<String>> owners = new ConcurrentHashMap<>();
  private final Map<String, Optional<Profile>> profiles = new ConcurrentHashMap<>();

  BatchProfileStore(ProfileStore store) {
    this.store = store;
  }

  /**
   * Reads these identities, the profiles they point at, and the profiles those were merged into,
   * one batched read per hop.
   */
  void prefetch(Set<Identity> identities) {
    if (identities.isEmpty()) {
      return;
    }
    Map<Identity, String> found = store.profileIdsOf(identities);
    identities.forEach(id -> owners.put(id, Optional.ofNullable(found.get(id))));
    Set<String> wanted = Set.copyOf(found.values());
    for (int hop = 0; hop < 2 && !wanted.isEmpty(); hop++) {
      Map<String, Profile> read = store.findAll(wanted);
      wanted.forEach(id -> profiles.put(id, Optional.ofNullable(read.get(id))));
      wanted =
          Set.copyOf(
              read.values().stream()
                  .filter(p -> !p.live() && p.mergedInto() != null)
                  .map(Profile::mergedInto)
                  .filter(id -> !profiles.containsKey(id))
                  .toList());
    }
  }

  @Override
  public Optional<String> profileIdOf(Identity identity) {
    return kept(owners, identity, store::profileIdOf);
  }

  @Override
  public Optional<Profile> find(String profileId) {
    return kept(profiles, profileId, store::find);
  }

  /** What is kept for a key, or what the store reads for it (then kept). */
  private static <K, V> Optional<V> kept(
      Map<K, Optional<V>> kept, K key, Function<K, Optional<V>> read) {
    Optional<V> known = kept.get(key);
    if (known != null) {
      return known;
    }
    Optional<V> value = read.apply(key);
    kept.put(key, value);
    return value;
  }

  @Override
  public void create(Profile profile, InboundEvent firstEvent, List<ProcessingNote> notes) {
    written(() -> store.create(profile, firstEvent, notes));
    keep(profile);
    profile.identities().forEach(id -> owners.put(id, Optional.of(profile.id())));
  }

  @Override
  public void attach(Profile updated, Iterable<Identity> added) {
    written(() -> store.attach(updated, added));
    keep(updated);
    added.forEach(id -> owners.put(id, Optional.of(updated.id())));
  }

  @Override
  public void merge(Profile survivor, Profile loserRedirect) {
    written(() -> store.merge(survivor, loserRedirect));
    keep(survivor);
    keep(loserRedirect);
  }

  @Override
  public void moveRecords(String fromProfileId, String toProfileId) {
    written(() -> store.moveRecords(fromProfileId, toProfileId));
    Optional<String> from = Optional.of(fromProfileId);
    owners.replaceAll((id, owner) -> owner.equals(from) ? Optional.of(toProfileId) : owner);
  }

  @Override
  public void update(Profile updated) {
    written(() -> store.update(updated));
    keep(updated);
  }

  @Override
  public boolean record(Profile updated, InboundEvent event, List<ProcessingNote> notes) {
    boolean recorded = written(() -> store.record(updated, event, notes));
    if (recorded) {
      keep(updated);
    }
    return recorded;
  }

  @Override
  public boolean recordUnchanged(Profile current, InboundEvent event, List<ProcessingNote> notes) {
    return written(() -> store.recordUnchanged(current, event, notes));
  }

  /** Keeps a written profile, unless a newer version of it is kept already. */
  private void keep(Profile written) {
    profiles.merge(
        written.id(),
        Optional.of(written),
        (kept, next) -> kept.isPresent() && kept.get().version() > written.version() ? kept : next);
  }

  private void written(Runnable write) {
    written(
        () -> {
          write.run();
          return null;
        });
  }

  /** Runs a write; if it fails (a lost race, or an outcome unknown), forgets everything kept. */
  private <T> T written(Supplier<T> write) {
    try {
      return write.get();
    } catch (RuntimeException e) {
      owners.clear();
      profiles.clear();
      throw e;
    }
  }

  /** The profile an identity was found to point at, without reading (empty when not known). */
  Optional<String> knownOwner(Identity identity) {
    return owners.getOrDefault(identity, Optional.empty());
  }
}
