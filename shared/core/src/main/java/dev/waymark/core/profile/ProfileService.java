package dev.waymark.core.profile;

import dev.waymark.core.event.EventType;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.identity.Identifiers;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.store.ConcurrentChangeException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Identity stitching: puts each event on exactly one live profile. Each pass reads, then makes one
 * atomic conditional change (create, merge, move, attach, or record); a lost race just means
 * another pass. Every pass makes progress or observes someone else's, so the loop converges.
 */
public final class ProfileService {
  static final int MAX_PASSES = 64;

  private final ProfileStore store;
  private final Clock clock;
  private final Supplier<String> newProfileId;

  public ProfileService(ProfileStore store, Clock clock) {
    this(store, clock, () -> UUID.randomUUID().toString());
  }

  public ProfileService(ProfileStore store, Clock clock, Supplier<String> newProfileId) {
    this.store = store;
    this.clock = clock;
    this.newProfileId = newProfileId;
  }

  /** The same service over another store (a batch's view of this one). */
  ProfileService over(ProfileStore other) {
    return new ProfileService(other, clock, newProfileId);
  }

  ProfileStore store() {
    return store;
  }

  public ProcessOutcome process(InboundEvent event) {
    Set<Identity> identities = identitiesOf(event);
    if (identities.isEmpty()) {
      throw new IllegalArgumentException("event " + event.messageId() + " names no identity");
    }
    int merges = 0;
    int moves = 0;
    List<String> droppedOnMerge = new ArrayList<>();
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      try {
        Map<String, Profile> live = liveProfiles(identities);
        if (live.isEmpty()) {
          Profile created = Profile.create(newProfileId.get(), identities, clock.instant());
          TraitLimits.Applied applied = TraitLimits.apply(created.traits(), event, droppedOnMerge);
          created = created.withTraits(applied.traits(), clock.instant());
          store.create(created, event, applied.notes());
          return new ProcessOutcome(created, true, merges, true, moves);
        }
        Profile survivor = SurvivorRule.choose(live.values());
        List<ProcessingNote> notes = new ArrayList<>();
        Optional<Profile> loser = loserToMerge(survivor, live.values(), notes);
        if (loser.isPresent() && !loser.get().pendingMoves().isEmpty()) {
          // a profile is merged away only once its own merges are finished, so every identity it
          // lists points at it when the merge repoints them
          moves += finishMoves(loser.get());
          continue;
        }
        if (loser.isPresent()) {
          List<String> dropped =
              TraitLimits.merge(survivor.traits(), loser.get().traits()).dropped();
          store.merge(
              survivor.absorbing(loser.get(), clock.instant()),
              loser.get().mergedInto(survivor.id(), clock.instant()));
          merges++;
          droppedOnMerge.addAll(dropped);
          continue;
        }
        if (!survivor.pendingMoves().isEmpty()) {
          moves += finishMoves(survivor);
          continue;
        }
        Set<Identity> missing = new TreeSet<>(identities);
        missing.removeAll(survivor.identities());
        live.values().forEach(other -> missing.removeAll(other.identities()));
        if (!missing.isEmpty() && survivor.canHold(missing)) {
          store.attach(survivor.withIdentities(missing, clock.instant()), missing);
          continue;
        }
        if (!missing.isEmpty()) {
          notes.add(identityLimit(missing.size() + " new identities were not linked"));
        }
        TraitLimits.Applied applied = TraitLimits.apply(survivor.traits(), event, droppedOnMerge);
        notes.addAll(applied.notes());
        if (applied.traits().equals(survivor.traits())) {
          // nothing to change on the profile: it is checked, not written
          return new ProcessOutcome(
              survivor, store.recordUnchanged(survivor, event, notes), merges, false, moves);
        }
        Profile updated = survivor.withTraits(applied.traits(), clock.instant());
        return new ProcessOutcome(
            updated, store.record(updated, event, notes), merges, false, moves);
      } catch (ConcurrentChangeException lostRace) {
        backOff(pass);
      }
    }
    throw new IllegalStateException(
        "event " + event.messageId() + " kept losing races after " + MAX_PASSES + " passes");
  }

  /**
   * The first other live profile the survivor can absorb within the identity limit; each one it
   * cannot is noted, and stays a profile of its own.
   */
  private static Optional<Profile> loserToMerge(
      Profile survivor, Collection<Profile> live, List<ProcessingNote> notes) {
    for (Profile other : live) {
      if (other.id().equals(survivor.id())) {
        continue;
      }
      if (survivor.canHold(other.identities())) {
        return Optional.of(other);
      }
      notes.add(
          identityLimit(
              "profile "
                  + other.id()
                  + " was not merged into "
                  + survivor.id()
                  + ": together they would hold "
                  + (survivor.identities().size() + other.identities().size())
                  + " identities"));
    }
    return Optional.empty();
  }

  private static ProcessingNote identityLimit(String what) {
    return new ProcessingNote(
        ProcessingNote.IDENTITY_LIMIT,
        what
            + "; a profile holds at most "
            + Profile.MAX_IDENTITIES
            + " identities ("
            + Profile.MAX_IDENTITY_BYTES / 1024
            + " KiB)");
  }

  /** Moves the records of every profile merged into {@code profile}, then clears the marks. */
  private int finishMoves(Profile profile) {
    profile.pendingMoves().forEach(from -> store.moveRecords(from, profile.id()));
    store.update(profile.withoutPendingMoves(clock.instant()));
    return profile.pendingMoves().size();
  }

  /**
   * Records consent decisions on the live profile; an older decision never replaces a newer one.
   */
  public Profile recordConsents(String profileId, List<ConsentRequest.Change> changes) {
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      Profile current =
          resolve(profileId)
              .orElseThrow(() -> ProblemException.notFound("no profile " + profileId));
      Consents next = current.consents();
      for (ConsentRequest.Change change : changes) {
        next = next.with(change.channel(), change.topic(), change.decision());
      }
      ConsentRequest.checkRoom(current.consents(), next);
      Profile updated = current.withConsents(next, clock.instant());
      try {
        store.update(updated);
        return updated;
      } catch (ConcurrentChangeException lostRace) {
        backOff(pass);
      }
    }
    throw new IllegalStateException("consents for " + profileId + " kept losing races");
  }

  /**
   * Records an event computed from the live profile (e.g. a journey's trait update: an identify
   * event with the new values) and applies its traits, in one conditional write; recomputed from
   * the current profile when another change won a race. Empty when an event with the same messageId
   * and timestamp is already on the profile, so a retried change is applied once.
   */
  public Optional<Profile> recordChange(
      String profileId, java.util.function.Function<Profile, InboundEvent> change) {
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      Profile current =
          resolve(profileId)
              .orElseThrow(() -> ProblemException.notFound("no profile " + profileId));
      InboundEvent event = change.apply(current);
      TraitLimits.Applied applied = TraitLimits.apply(current.traits(), event);
      Profile updated = current.withTraits(applied.traits(), clock.instant());
      try {
        return store.record(updated, event, applied.notes())
            ? Optional.of(updated)
            : Optional.empty();
      } catch (ConcurrentChangeException lostRace) {
        backOff(pass);
      }
    }
    throw new IllegalStateException("a change of " + profileId + " kept losing races");
  }

  /** The live profile a profile id stands for today, following merge redirects. */
  public Optional<Profile> resolve(String profileId) {
    Identifiers.require("id", profileId, Identifiers.MAX_ID_CHARS);
    Optional<Profile> current = store.find(profileId);
    for (int hops = 0; current.isPresent() && !current.get().live() && hops < MAX_PASSES; hops++) {
      current = store.find(current.get().mergedInto());
    }
    return current.filter(Profile::live);
  }

  /**
   * The live profiles many profile ids stand for (as {@link #resolve}), keyed by the id asked: one
   * batch read, then a redirect followed for each merged-away id; ids with none are left out.
   */
  public Map<String, Profile> resolveAll(Collection<String> profileIds) {
    Map<String, Profile> stored = store.findAll(profileIds);
    Map<String, Profile> live = new LinkedHashMap<>();
    for (String id : profileIds) {
      Profile found = stored.get(id);
      if (found != null && found.live()) {
        live.put(id, found);
      } else if (found != null) {
        resolve(id).ifPresent(p -> live.put(id, p));
      }
    }
    return live;
  }

  /** The live profile an identity belongs to. */
  public Optional<Profile> lookup(Identity identity) {
    return store.profileIdOf(identity).flatMap(this::resolve);
  }

  private Map<String, Profile> liveProfiles(Set<Identity> identities) {
    Map<String, Profile> live = new LinkedHashMap<>();
    for (Identity identity : identities) {
      lookup(identity).ifPresent(p -> live.putIfAbsent(p.id(), p));
    }
    return live;
  }

  /** The event's identities; alias's previousId is whichever of userId/anonymousId is known. */
  private Set<Identity> identitiesOf(InboundEvent event) {
    Set<Identity> identities = new TreeSet<>(event.identities());
    if (event.type() == EventType.ALIAS) {
      String previous = event.previousId().orElseThrow();
      Identity asUser = Identity.of(IdentityNamespace.USER_ID, previous);
      identities.add(
          store.profileIdOf(asUser).isPresent()
              ? asUser
              : Identity.of(IdentityNamespace.ANONYMOUS_ID, previous));
    }
    return identities;
  }

  private static void backOff(int pass) {
    long cap = Math.min(50, 1L << Math.min(pass, 5));
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(cap + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying", e);
    }
  }
}
