package dev.waymark.core.send;

import java.time.Instant;

/** The per-person log of messages and what became of them (sent, delivered, opened, bounced...). */
public interface MessageLog {
  void record(String profileId, Instant at, SendRequest request, SendOutcome outcome);

  /** Updates a sent message's status from provider feedback; false when the message is unknown. */
  boolean updateStatus(String providerMessageId, String status, Instant at);
}
