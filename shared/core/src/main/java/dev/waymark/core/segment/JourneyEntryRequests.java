package dev.waymark.core.segment;

import dev.waymark.core.profile.Profile;
import java.util.List;

/**
 * Asks for a person to enter a journey (the journey's own entry rules still decide). The same
 * (journey, person, entry key) is one request however often it is made.
 *
 * @see dev.waymark.core.segment.InboxJourneyEntryRequests
 */
public interface JourneyEntryRequests {
  /** One request, for a person already read (a live profile). */
  record Request(String journeyId, Profile profile, String entryKey, String scheduleId) {}

  void requestEntry(String journeyId, String profileId, String entryKey, String scheduleId);

  /**
   * Many requests at once; returns how many were passed on to the journeys (an implementation may
   * settle at once those the journey is certain to refuse: see {@link
   * dev.waymark.core.journey.EntryRefusals}).
   */
  default int requestEntries(List<Request> requests) {
    requests.forEach(
        r -> requestEntry(r.journeyId(), r.profile().id(), r.entryKey(), r.scheduleId()));
    return requests.size();
  }
}
