package dev.waymark.core.segment;

import dev.waymark.core.event.EventInbox;
import dev.waymark.core.profile.ProfileService;
import java.time.Clock;

/**
 * Journey entry requests as {@code Audience Schedule Fired} events in the inbox (properties
 * journeyId, scheduleId, entryKey): the journey router enters on them with the journey's usual
 * entry rules. The messageId comes from (journey, person, entry key), so a repeat is one event.
 */
public record InboxJourneyEntryRequests(EventInbox inbox, ProfileService profiles, Clock clock)
    implements JourneyEntryRequests {
  @Override
  public void requestEntry(String journeyId, String profileId, String entryKey, String scheduleId) {
    profiles
        .resolve(profileId)
        .filter(p -> !p.identities().isEmpty())
        .ifPresent(
            profile ->
                inbox.accept(
                    InternalEvents.audienceScheduleFired(
                        profile, journeyId, scheduleId, entryKey, clock.instant()),
                    "scheduler"));
  }
}
