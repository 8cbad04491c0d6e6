package dev.waymark.core.deadletter;

import dev.waymark.core.event.EventInbox;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.problem.Problem;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileService;
import dev.waymark.core.store.Page;
import java.time.Clock;
import java.util.Optional;

/**
 * Dead letters you can see and replay. The processor notes each failed attempt ({@link
 * #attemptFailed}); when the retries are spent (the stream poller locally, the dead-letter queue's
 * consumer deployed) the event is set aside ({@link #setAside}): listed, and shown on its person's
 * timeline as failed to process. A replay ({@link #replay}) puts a replay request in the inbox, so
 * the event goes through the same pipeline again (idempotent: it is never applied twice).
 */
public record DeadLetters(
    DeadLetterStore store, EventInbox inbox, ProfileService profiles, Clock clock) {
  /** One processing attempt of the event failed, for {@code reason} (plain words, no payload). */
  public void attemptFailed(String messageId, String reason) {
    store.noteFailure(messageId, reason, clock.instant());
  }

  /** Whether a processing attempt of the event failed (and was noted). */
  public boolean attempted(String messageId) {
    return store.attempted(messageId);
  }

  /**
   * The retries of the event are spent: it becomes a dead letter, on the timeline of the profile
   * one of its identities belongs to (if any does yet).
   */
  public DeadLetter setAside(String messageId, String fallbackReason) {
    Optional<InboundEvent> event = readable(messageId);
    Optional<String> profileId = event.flatMap(this::profileOf);
    return store.setAside(messageId, event, profileId, fallbackReason, clock.instant());
  }

  public Page<DeadLetter> list(int limit, String cursor) {
    return store.list(limit, cursor);
  }

  public DeadLetter get(String messageId) {
    return store
        .find(messageId)
        .orElseThrow(() -> ProblemException.notFound("no dead letter has messageId " + messageId));
  }

  /** The live profile the event's identities point at today, if any. */
  public Optional<String> profileOf(InboundEvent event) {
    for (Identity identity : event.identities()) {
      Optional<Profile> profile = profiles.lookup(identity);
      if (profile.isPresent()) {
        return Optional.of(profile.get().id());
      }
    }
    return Optional.empty();
  }

  /** The stored event of a dead letter, if it is still stored. */
  public Optional<InboundEvent> event(String messageId) {
    return readable(messageId);
  }

  /**
   * Asks for the letter's event to be processed again. 404 for an unknown letter; 409 when it is
   * already processed, a replay is under way, or the event is no longer stored.
   */
  public DeadLetter replay(String messageId) {
    DeadLetter letter = get(messageId);
    switch (letter.status()) {
      case PROCESSED -> throw conflict("the event " + messageId + " is already processed");
      case REPLAYING -> throw conflict("a replay of " + messageId + " is already under way");
      case GONE, FAILED -> {
        // replayable if the event is still stored
      }
    }
    if (readable(messageId).isEmpty()) {
      store.gone(messageId, clock.instant());
      throw conflict(
          "the event "
              + messageId
              + " is no longer stored (erased, or past the de-duplication window)");
    }
    if (!store.requestReplay(letter, clock.instant())) {
      throw conflict("the dead letter " + messageId + " changed meanwhile; read it and retry");
    }
    return get(messageId);
  }

  /** A replay of the event was processed onto {@code profileId}. */
  public void replayProcessed(InboundEvent event, String profileId) {
    store.processed(event.messageId(), event, profileId, clock.instant());
  }

  /** A replay found its event no longer stored. */
  public void replayGone(String messageId) {
    store.gone(messageId, clock.instant());
  }

  private Optional<InboundEvent> readable(String messageId) {
    try {
      return inbox.stored(messageId);
    } catch (RuntimeException unreadable) {
      return Optional.empty(); // a stored payload that is not an event (it is what failed)
    }
  }

  private static ProblemException conflict(String detail) {
    return new ProblemException(Problem.of(409, "Conflict", detail));
  }
}
