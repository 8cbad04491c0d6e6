package dev.waymark.core.send;

import dev.waymark.core.message.Channel;

/**
 * The decision and result of a send step. Every status but {@code deferred} is final: the same
 * (run, step) always answers it again without sending anything.
 */
public record SendOutcome(
    Status status,
    Channel channel,
    String address,
    String messageId,
    String deferredUntil,
    String reason) {

  public enum Status {
    sent,
    deferred,
    no_consent,
    suppressed,
    capped,
    invalid_number,
    unreachable,
    in_doubt,
    code_pool_exhausted,
    /** The template cannot be rendered for this person (the reason names the variable). */
    render_failed
  }

  public static SendOutcome of(Status status, Channel channel, String reason) {
    return new SendOutcome(status, channel, null, null, null, reason);
  }
}
