package dev.waymark.core.segment;

import dev.waymark.core.event.EventInbox;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.journey.EntryRefusals;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Journey entry requests as {@code Audience Schedule Fired} events in the inbox (properties
 * journeyId, scheduleId, entryKey): the journey router enters on them with the journey's usual
 * entry rules. The messageId comes from (journey, person, entry key), so a repeat is one event.
 * Requests made together first go through {@code refusals}: those a journey is certain to refuse
 * are settled there ({@link EntryRefusals}) and never become events.
 */
public record InboxJourneyEntryRequests(
    EventInbox inbox,
    ProfileService profiles,
    Clock clock,
    UnaryOperator<List<EntryRefusals.Candidate>> refusals)
    implements JourneyEntryRequests {

  /** Every request becomes an event (nothing is settled ahead of the router). */
  public InboxJourneyEntryRequests(EventInbox inbox, ProfileService profiles, Clock clock) {
    this(inbox, profiles, clock, UnaryOperator.identity());
  }

  /** The same, with certain refusals settled ahead by {@code refusals}. */
  public InboxJourneyEntryRequests withRefusals(EntryRefusals refusals) {
    return new InboxJourneyEntryRequests(inbox, profiles, clock, refusals::withoutCertainRefusals);
  }

  @Override
  public void requestEntry(String journeyId, String profileId, String entryKey, String scheduleId) {
    profiles
        .resolve(profileId)
        .ifPresent(p -> requestEntries(List.of(new Request(journeyId, p, entryKey, scheduleId))));
  }

  @Override
  public int requestEntries(List<Request> requests) {
    Instant now = clock.instant();
    List<EntryRefusals.Candidate> candidates =
        requests.stream()
            .filter(r -> !r.profile().identities().isEmpty())
            .map(r -> new EntryRefusals.Candidate(event(r, now), r.profile()))
            .toList();
    List<EntryRefusals.Candidate> emitted = refusals.apply(candidates);
    emitted.forEach(c -> inbox.accept(c.event(), "scheduler"));
    return emitted.size();
  }

  private static InboundEvent event(Request request, Instant now) {
    Profile profile = request.profile();
    return InternalEvents.audienceScheduleFired(
        profile, request.journeyId(), request.scheduleId(), request.entryKey(), now);
  }
}
