package dev.waymark.core.journey.simulate;

import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.profile.ProcessingNote;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileStore;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sampled people's profiles as read when the simulation began, in memory. A journey's {@code
 * update} step changes the copy here (so later steps of the run see it, as they would), never the
 * live profile. Creating, merging or moving profiles is not something a journey run does, so those
 * are refused.
 */
public final class ScratchProfiles implements ProfileStore {
  private final Map<String, Profile> profiles = new ConcurrentHashMap<>();
  private final Set<String> recorded = ConcurrentHashMap.newKeySet();

  public ScratchProfiles(Collection<Profile> snapshot) {
    snapshot.forEach(p -> profiles.put(p.id(), p));
  }

  @Override
  public Optional<String> profileIdOf(Identity identity) {
    return profiles.values().stream()
        .filter(p -> p.identities().contains(identity))
        .map(Profile::id)
        .findFirst();
  }

  @Override
  public Optional<Profile> find(String profileId) {
    return Optional.ofNullable(profiles.get(profileId));
  }

  @Override
  public void create(Profile profile, InboundEvent firstEvent, List<ProcessingNote> notes) {
    throw refused("create");
  }

  @Override
  public void attach(Profile updated, Iterable<Identity> added) {
    throw refused("attach");
  }

  @Override
  public void merge(Profile survivor, Profile loserRedirect) {
    throw refused("merge");
  }

  @Override
  public void moveRecords(String fromProfileId, String toProfileId) {
    throw refused("moveRecords");
  }

  @Override
  public void update(Profile updated) {
    profiles.put(updated.id(), updated);
  }

  @Override
  public boolean record(Profile updated, InboundEvent event, List<ProcessingNote> notes) {
    if (!recorded.add(event.messageId())) {
      return false;
    }
    profiles.put(updated.id(), updated);
    return true;
  }

  /** The profile ids held (the sample). */
  public Set<String> ids() {
    return new HashSet<>(profiles.keySet());
  }

  private static UnsupportedOperationException refused(String what) {
    return new UnsupportedOperationException(what + " is not part of a simulated run");
  }
}
