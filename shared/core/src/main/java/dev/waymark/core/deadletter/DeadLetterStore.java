package dev.waymark.core.deadletter;

import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.store.Page;
import java.time.Instant;
import java.util.Optional;

/** Where failed processing attempts and dead letters are kept (durably). */
public interface DeadLetterStore {
  /**
   * Notes one failed processing attempt of an event: the attempt count grows, the reason is kept.
   */
  void noteFailure(String messageId, String reason, Instant at);

  /** Whether a failed processing attempt of the event was noted. */
  boolean attempted(String messageId);

  /**
   * Turns an event's failure notes into a dead letter (status {@code failed}); {@code
   * fallbackReason} when no attempt was noted. When {@code onTimelineOf} names a profile, the event
   * is shown on its timeline as failed to process, with the reason. Setting aside a letter again (a
   * replay that failed too) counts on.
   */
  DeadLetter setAside(
      String messageId,
      Optional<InboundEvent> event,
      Optional<String> onTimelineOf,
      String fallbackReason,
      Instant at);

  Optional<DeadLetter> find(String messageId);

  /** Dead letters by messageId; a cursor that is not one this store issued is refused. */
  Page<DeadLetter> list(int limit, String cursor);

  /**
   * Marks the letter {@code replaying} and puts a replay request in the inbox (which the processor
   * picks up as it picks up new events), in one step; false if the letter changed meanwhile.
   */
  boolean requestReplay(DeadLetter letter, Instant at);

  /**
   * A replay processed the event onto {@code profileId}'s timeline: the failed mark there goes, the
   * letter is {@code processed}.
   */
  void processed(String messageId, InboundEvent event, String profileId, Instant at);

  /** A replay found the event no longer stored. */
  void gone(String messageId, Instant at);
}
