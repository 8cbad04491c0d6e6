package dev.waymark.core.send;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** The per-person log of messages and what became of them (sent, delivered, opened, bounced...). */
public interface MessageLog {
  void record(String profileId, Instant at, SendRequest request, SendOutcome outcome);

  /** Updates a sent message's status from provider feedback; false when the message is unknown. */
  boolean updateStatus(String providerMessageId, String status, Instant at);

  /**
   * Every feedback status ({@code delivery}, {@code open}, {@code click}, {@code bounce}, {@code
   * complaint}) recorded for what a run's send step sent, including the step's {@code
   * <stepId>.<channel>} sends; empty when it sent nothing or nothing came back.
   */
  Set<String> feedback(String profileId, String runId, String stepId);

  /**
   * What was sent under a provider message id, and by which journey step; empty for a message the
   * log does not know (a test send, or one whose person was erased).
   */
  Optional<Sent> sent(String providerMessageId);

  /** A sent message's owner and origin, as its delivery feedback reports it. */
  record Sent(
      String profileId,
      String journeyId,
      String runId,
      String stepId,
      String channel,
      String templateId) {}
}
