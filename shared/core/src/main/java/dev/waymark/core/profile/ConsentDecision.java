package dev.waymark.core.profile;

import java.time.Instant;

/** One recorded consent: granted or denied, where it came from, and when. */
public record ConsentDecision(ConsentStatus status, String source, Instant updatedAt) {

  public enum ConsentStatus {
    granted,
    denied
  }

  /** The later of two decisions; on a tie the other (incoming) one wins, as for traits. */
  public ConsentDecision newer(ConsentDecision other) {
    return other == null || other.updatedAt.isBefore(updatedAt) ? this : other;
  }
}
