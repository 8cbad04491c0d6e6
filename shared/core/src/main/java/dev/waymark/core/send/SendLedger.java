package dev.waymark.core.send;

import dev.waymark.core.message.Channel;
import java.util.Optional;

/**
 * The exactly-once ledger of send steps: one entry per (run, step). A claim is written together
 * with the person's daily channel counter, so a claim either takes a place under the cap or none.
 */
public interface SendLedger {
  enum Claim {
    CLAIMED,
    CAPPED,
    TAKEN
  }

  Optional<SendOutcome> find(String runId, String stepId);

  /**
   * Claims (run, step) for sending on a channel and counts it against the person's cap for the day.
   */
  Claim claim(
      String runId, String stepId, String profileId, Channel channel, String localDay, int cap);

  /** Records the final outcome of (run, step). */
  void complete(String runId, String stepId, SendOutcome outcome);

  /** Gives a claim back (delivery failed before anything was sent), so a retry may send. */
  void release(String runId, String stepId, String profileId, Channel channel, String localDay);
}
