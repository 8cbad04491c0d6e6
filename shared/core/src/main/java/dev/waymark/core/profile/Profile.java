package dev.waymark.core.profile;

import dev.waymark.core.identity.Identity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One person. {@code version} increases with every write, and every write is conditional on the
 * version read, so concurrent changes are detected rather than lost.
 */
public record Profile(
    String id,
    ProfileStatus status,
    String mergedInto,
    Instant createdAt,
    Instant updatedAt,
    long version,
    Traits traits,
    Consents consents,
    SortedSet<Identity> identities,
    List<String> mergedFrom,
    SortedSet<String> pendingMoves) {

  /**
   * The most identities one profile holds (the profile item lists them, and a DynamoDB item holds
   * at most 400 KB): linking more is refused with a note on the event's timeline entry.
   */
  public static final int MAX_IDENTITIES = 500;

  /** The most bytes (UTF-8, {@code <namespace>#<value>}) a profile's identities take together. */
  public static final int MAX_IDENTITY_BYTES = 64 * 1024;

  public Profile {
    identities = new TreeSet<>(identities);
    mergedFrom = List.copyOf(mergedFrom);
    pendingMoves = new TreeSet<>(pendingMoves);
  }

  public static Profile create(String id, Collection<Identity> identities, Instant now) {
    return new Profile(
        id,
        ProfileStatus.live,
        null,
        now,
        now,
        1,
        Traits.empty(),
        Consents.none(),
        new TreeSet<>(identities),
        List.of(),
        new TreeSet<>());
  }

  public boolean live() {
    return status == ProfileStatus.live;
  }

  /** True when any identity names a known customer (not only devices and visits). */
  public boolean known() {
    return identities.stream().anyMatch(i -> i.namespace().known());
  }

  /** True when this profile can hold {@code more} identities besides its own (see the limits). */
  public boolean canHold(Collection<Identity> more) {
    SortedSet<Identity> all = new TreeSet<>(identities);
    all.addAll(more);
    long bytes =
        all.stream()
            .mapToLong(i -> i.key().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
            .sum();
    return all.size() <= MAX_IDENTITIES && bytes <= MAX_IDENTITY_BYTES;
  }

  private Profile next(
      Traits traits,
      Consents consents,
      SortedSet<Identity> identities,
      List<String> mergedFrom,
      SortedSet<String> pendingMoves,
      Instant now) {
    return new Profile(
        id,
        status,
        mergedInto,
        createdAt,
        now,
        version + 1,
        traits,
        consents,
        identities,
        mergedFrom,
        pendingMoves);
  }

  public Profile withIdentities(Collection<Identity> added, Instant now) {
    SortedSet<Identity> all = new TreeSet<>(identities);
    all.addAll(added);
    return next(traits, consents, all, mergedFrom, pendingMoves, now);
  }

  public Profile withTraits(Traits nextTraits, Instant now) {
    return next(nextTraits, consents, identities, mergedFrom, pendingMoves, now);
  }

  public Profile withConsents(Consents nextConsents, Instant now) {
    return next(traits, nextConsents, identities, mergedFrom, pendingMoves, now);
  }

  public Profile withoutPendingMoves(Instant now) {
    return next(traits, consents, identities, mergedFrom, new TreeSet<>(), now);
  }

  /**
   * This profile after absorbing {@code loser}: identities, traits, consents and history join it.
   */
  public Profile absorbing(Profile loser, Instant now) {
    SortedSet<Identity> all = new TreeSet<>(identities);
    all.addAll(loser.identities);
    List<String> from = new ArrayList<>(mergedFrom);
    from.add(loser.id);
    from.addAll(loser.mergedFrom);
    SortedSet<String> moves = new TreeSet<>(pendingMoves);
    moves.add(loser.id);
    moves.addAll(loser.pendingMoves);
    Instant created = loser.createdAt.isBefore(createdAt) ? loser.createdAt : createdAt;
    return new Profile(
        id,
        status,
        mergedInto,
        created,
        now,
        version + 1,
        TraitLimits.merge(traits, loser.traits).traits(),
        consents.mergedWith(loser.consents),
        all,
        from,
        moves);
  }

  /** The redirect a merged profile leaves behind. */
  public Profile mergedInto(String survivorId, Instant now) {
    return new Profile(
        id,
        ProfileStatus.merged,
        survivorId,
        createdAt,
        now,
        version + 1,
        traits,
        consents,
        identities,
        mergedFrom,
        pendingMoves);
  }
}
