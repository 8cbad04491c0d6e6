package dev.waymark.core.profile;

import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.store.ConcurrentChangeException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where profiles, identities and their events live. Every write is atomic and conditional on the
 * versions read; a lost race throws {@link ConcurrentChangeException} and changes nothing.
 */
public interface ProfileStore {

  /** The profile an identity points at (which may since have been merged away). */
  Optional<String> profileIdOf(Identity identity);

  /** A profile in any status. */
  Optional<Profile> find(String profileId);

  /**
   * The profiles many identities point at (those that point nowhere are left out), in as few round
   * trips as the store can; as consistent as {@link #profileIdOf}.
   */
  default Map<Identity, String> profileIdsOf(Collection<Identity> identities) {
    Map<Identity, String> found = new HashMap<>();
    identities.forEach(id -> profileIdOf(id).ifPresent(p -> found.put(id, p)));
    return found;
  }

  /** Many profiles in any status (those not stored are left out), in as few round trips. */
  default Map<String, Profile> findAll(Collection<String> profileIds) {
    Map<String, Profile> found = new HashMap<>();
    profileIds.forEach(id -> find(id).ifPresent(p -> found.put(id, p)));
    return found;
  }

  /**
   * Creates a profile, claims its identities and records its first event with notes on what
   * processing did not do (shown with it on the timeline; usually none), all at once.
   */
  void create(Profile profile, InboundEvent firstEvent, java.util.List<ProcessingNote> notes);

  /** Claims new identities for a profile; {@code updated.version()} is one past the stored one. */
  void attach(Profile updated, Iterable<Identity> added);

  /**
   * Writes the merged survivor (with the loser in its pending moves) and turns the loser into a
   * redirect, in one atomic change. The loser's identities still point at the loser, which now
   * redirects to the survivor; {@link #moveRecords} repoints them, however many there are.
   */
  void merge(Profile survivor, Profile loserRedirect);

  /**
   * Finishes a merge: repoints the merged-away profile's identities to {@code toProfileId} and
   * moves everything recorded under {@code fromProfileId} (events, messages, journey runs, waits,
   * segment memberships with their re-checks, traces) to it, in as many atomic steps as needed.
   * Idempotent, so a move interrupted half-way is finished by calling it again. Where both have a
   * membership of the same journey, the survivor's is kept; segment memberships are combined.
   */
  void moveRecords(String fromProfileId, String toProfileId);

  /** Writes a new profile state with no other change (e.g. pending moves cleared, consents). */
  void update(Profile updated);

  /** Records an event on a profile with its new traits; false when it was already recorded. */
  default boolean record(Profile updated, InboundEvent event) {
    return record(updated, event, java.util.List.of());
  }

  /**
   * Records an event with notes on what processing it did not do (shown with it on the timeline);
   * false when it was already recorded.
   */
  boolean record(Profile updated, InboundEvent event, java.util.List<ProcessingNote> notes);

  /**
   * Records an event that changes nothing on its profile (a {@code track} without traits, say):
   * conditional on {@code current} being live at its version, which stays as it is, so the profile
   * is checked but not written; false when the event was already recorded. A store that cannot
   * check without writing may write {@code current} back as it is.
   */
  default boolean recordUnchanged(
      Profile current, InboundEvent event, java.util.List<ProcessingNote> notes) {
    return record(current, event, notes);
  }
}
