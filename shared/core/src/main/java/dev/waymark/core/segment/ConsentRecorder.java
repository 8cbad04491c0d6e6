package dev.waymark.core.segment;

import dev.waymark.core.event.EventInbox;
import dev.waymark.core.profile.ConsentRequest;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileService;
import java.time.Clock;
import java.util.List;

/**
 * Records consent decisions on the profile and announces them with a {@code Consent Changed} event
 * in the inbox, so the segments whose rules read consents are re-evaluated by the processing path
 * at once, not on the person's next event. The announcement's messageId is deterministic: a retried
 * request (or a replayed one-click unsubscribe) is one event.
 */
public record ConsentRecorder(ProfileService profiles, EventInbox inbox, Clock clock) {
  public Profile record(String profileId, List<ConsentRequest.Change> changes) {
    Profile updated = profiles.recordConsents(profileId, changes);
    if (!updated.identities().isEmpty()) {
      inbox.accept(InternalEvents.consentChanged(updated, changes, clock.instant()), "consents");
    }
    return updated;
  }
}
