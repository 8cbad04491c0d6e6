package dev.waymark.core.journey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Optional;

/**
 * The entry rules of seed 004, precisely: eligibility once or multiple; a lock after each entry
 * during which the person cannot enter again; a cap of N entries within any period (entries still
 * in the window count, held-out ones included); and a holdout — a stable share of people who are
 * recorded as entering but get no messages, to measure the journey against.
 */
public final class EntryPolicy {
  private EntryPolicy() {}

  /**
   * The decision for a person (given their membership) who performed the entry event at {@code
   * now}.
   */
  public static EntryDecision decide(
      JourneyDefinition journey, Membership membership, Instant now) {
    Optional<EntryDecision> outside = outsideDates(journey, now);
    if (outside.isPresent()) {
      return outside.get();
    }
    if (journey.eligibility() == JourneyDefinition.Eligibility.once
        && !membership.entries().isEmpty()) {
      return EntryDecision.ALREADY_ENTERED_ONCE;
    }
    if (membership.lockedUntil() != null && now.isBefore(membership.lockedUntil())) {
      return EntryDecision.LOCKED;
    }
    if (journey.entryCap().isPresent()) {
      JourneyDefinition.EntryCap cap = journey.entryCap().get();
      Instant windowStart = cap.within().before(now);
      long recent =
          membership.entries().stream().filter(e -> !e.at().isBefore(windowStart)).count();
      if (recent >= cap.count()) {
        return EntryDecision.CAPPED;
      }
    }
    return heldOut(journey, membership.profileId())
        ? EntryDecision.HELD_OUT
        : EntryDecision.ENTERED;
  }

  /**
   * {@code NOT_STARTED} before {@code startsAt}, {@code ENDED} from {@code endsAt} on (entries are
   * open in {@code [startsAt, endsAt)}); empty while the journey takes entries. Checked before
   * every other rule, the audience included.
   */
  public static Optional<EntryDecision> outsideDates(JourneyDefinition journey, Instant now) {
    if (journey.startsAt().isPresent() && now.isBefore(journey.startsAt().get())) {
      return Optional.of(EntryDecision.NOT_STARTED);
    }
    if (journey.endsAt().isPresent() && !now.isBefore(journey.endsAt().get())) {
      return Optional.of(EntryDecision.ENDED);
    }
    return Optional.empty();
  }

  /** When the lock that an entry at {@code now} starts ends (null without a lock). */
  public static Instant lockedUntil(JourneyDefinition journey, Instant now) {
    return journey.lock().map(l -> l.after(now)).orElse(null);
  }

  /** A stable bucket 0-99 per (journey, person): the same person is always held out or never. */
  static boolean heldOut(JourneyDefinition journey, String profileId) {
    return journey.holdoutPercent() > 0
        && bucket(journey.id() + "|" + profileId) < journey.holdoutPercent();
  }

  static int bucket(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      int value = ((digest[0] & 0xff) << 8) | (digest[1] & 0xff);
      return value % 100;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
