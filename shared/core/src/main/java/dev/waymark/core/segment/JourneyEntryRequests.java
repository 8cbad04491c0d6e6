package dev.waymark.core.segment;

/**
 * Asks for a person to enter a journey (the journey's own entry rules still decide). The same
 * (journey, person, entry key) is one request however often it is made.
 *
 * @see dev.waymark.core.segment.InboxJourneyEntryRequests
 */
public interface JourneyEntryRequests {
  void requestEntry(String journeyId, String profileId, String entryKey, String scheduleId);
}
