package dev.waymark.core.segment;

import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileService;
import dev.waymark.core.store.Page;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hourly run of the audience schedules. The run of the hour that opens a schedule's occurrence
 * window (the hours in which it can be the schedule's time somewhere on Earth) reads each member of
 * the segment once — from the segment's member index, never a scan of profiles — and files an entry
 * under the hour that is the occurrence in that member's zone ({@link AudienceDueEntries}); every
 * run then asks the members filed under its own hour, still in the segment, to enter the journey.
 * So a weekly schedule reads each member once a week, not once for each of the ~27 hours that may
 * be someone's occurrence. Each run reads its members' profiles together (one batch read per page
 * of members, not one read per member).
 */
public final class AudienceScheduleRun implements SegmentJoins {
  private static final int PAGE = 500;
  private final List<AudienceSchedule> schedules;
  private final SegmentMemberships memberships;
  private final ProfileService profiles;
  private final JourneyEntryRequests entries;
  private final AudienceDueEntries due;

  /** Per schedule, the last window opening found and the instant it was looked up from. */
  private final Map<String, Instant[]> openings = new ConcurrentHashMap<>();

  public AudienceScheduleRun(
      List<AudienceSchedule> schedules,
      SegmentMemberships memberships,
      ProfileService profiles,
      JourneyEntryRequests entries,
      AudienceDueEntries due) {
    this.schedules = List.copyOf(schedules);
    this.memberships = memberships;
    this.profiles = profiles;
    this.entries = entries;
    this.due = due;
  }

  /** Runs the hour of {@code scheduledAt}; returns how many entries were requested. */
  public int run(Instant scheduledAt) {
    Instant hour = scheduledAt.truncatedTo(ChronoUnit.HOURS);
    for (AudienceSchedule schedule : schedules) {
      List<Instant> window = schedule.windowOpeningAt(hour);
      if (!window.isEmpty() && memberships.size(schedule.segmentId()) > 0) {
        file(schedule, window);
      }
    }
    List<AudienceDueEntries.DueEntry> dueNow = due.dueAt(hour);
    Map<String, Profile> people =
        profiles.resolveAll(
            dueNow.stream().map(AudienceDueEntries.DueEntry::profileId).distinct().toList());
    Map<String, Set<String>> members = new HashMap<>(); // segment id -> those of dueNow in it
    List<JourneyEntryRequests.Request> requests = new ArrayList<>();
    for (AudienceDueEntries.DueEntry entry : dueNow) {
      Optional<AudienceSchedule> schedule =
          schedules.stream().filter(s -> s.id().equals(entry.scheduleId())).findFirst();
      Profile person = people.get(entry.profileId());
      if (schedule.isPresent()
          && person != null
          && members
              .computeIfAbsent(schedule.get().segmentId(), id -> membersAmong(id, dueNow))
              .contains(entry.profileId())) {
        requests.add(
            new JourneyEntryRequests.Request(
                schedule.get().journeyId(), person, entry.entryKey(), entry.scheduleId()));
      }
    }
    entries.requestEntries(requests);
    // after every request (each idempotent by its messageId): a run cut short is simply run again
    due.doneAll(dueNow);
    return requests.size();
  }

  /**
   * The same runs, with entry requests made through {@code requests} (the audience function's,
   * which settles certain refusals ahead: see {@link dev.waymark.core.journey.EntryRefusals}).
   */
  public AudienceScheduleRun withEntries(JourneyEntryRequests requests) {
    return new AudienceScheduleRun(schedules, memberships, profiles, requests, due);
  }

  /**
   * The first hour at or after {@code from} whose run has anything to do: a window opening or
   * entries filed under it. Hours before it would do nothing (a scheduler may pass over them).
   */
  public Optional<Instant> nextRun(Instant from) {
    Optional<Instant> next = due.nextDueHour(from);
    for (AudienceSchedule schedule : schedules) {
      Instant opening = nextWindowOpening(schedule, from);
      if (next.isEmpty() || opening.isBefore(next.get())) {
        next = Optional.of(opening);
      }
    }
    return next;
  }

  private Instant nextWindowOpening(AudienceSchedule schedule, Instant from) {
    Instant[] known = openings.get(schedule.id());
    if (known != null && !from.isBefore(known[0]) && !from.isAfter(known[1])) {
      return known[1];
    }
    Instant opening = schedule.nextWindowOpening(from);
    openings.put(schedule.id(), new Instant[] {from, opening});
    return opening;
  }

  /**
   * A person who enters the segment while one of its schedules' occurrence windows is open joined
   * after that window's opening run read the members: file their entry under their own occurrence
   * hour from this hour on (this hour's run picks it up if it has not run yet; an hour already run
   * is missed, as it would be for anyone who joins after their hour's run, and its marker is past).
   */
  @Override
  public void joined(Profile profile, String segmentId, Instant at) {
    Instant hour = at.truncatedTo(ChronoUnit.HOURS);
    for (AudienceSchedule schedule : schedules) {
      if (!schedule.segmentId().equals(segmentId) || !schedule.mayOccur(hour)) {
        continue;
      }
      ZoneId zone = schedule.fixedZone().orElseGet(() -> SegmentContext.zoneOf(profile));
      entryIn(schedule, schedule.hoursFrom(hour), profile.id(), zone).ifPresent(due::schedule);
    }
  }

  /** Reads each member once and files their entry under their occurrence hour in the window. */
  private void file(AudienceSchedule schedule, List<Instant> window) {
    String cursor = null;
    do {
      Page<String> page = memberships.members(schedule.segmentId(), PAGE, cursor);
      List<AudienceDueEntries.DueEntry> filed = new ArrayList<>();
      Map<String, Profile> people =
          schedule.fixedZone().isPresent() ? Map.of() : profiles.resolveAll(page.items());
      for (String profileId : page.items()) {
        Optional<ZoneId> zone =
            schedule.fixedZone().isPresent()
                ? schedule.fixedZone()
                : Optional.ofNullable(people.get(profileId)).map(SegmentContext::zoneOf);
        zone.flatMap(z -> entryIn(schedule, window, profileId, z)).ifPresent(filed::add);
      }
      due.scheduleAll(filed);
      cursor = page.nextCursor();
    } while (cursor != null);
  }

  private static Optional<AudienceDueEntries.DueEntry> entryIn(
      AudienceSchedule schedule, List<Instant> window, String profileId, ZoneId zone) {
    for (Instant hour : window) {
      Optional<String> key = schedule.occurrence(hour, zone);
      if (key.isPresent()) {
        return Optional.of(
            new AudienceDueEntries.DueEntry(schedule.id(), profileId, key.get(), hour));
      }
    }
    return Optional.empty();
  }

  /** Which of the hour's people filed under the segment's schedules are in it now. */
  private Set<String> membersAmong(String segmentId, List<AudienceDueEntries.DueEntry> dueNow) {
    Set<String> scheduleIds = new HashSet<>();
    schedules.stream()
        .filter(s -> s.segmentId().equals(segmentId))
        .forEach(s -> scheduleIds.add(s.id()));
    return memberships.membersAmong(
        segmentId,
        dueNow.stream()
            .filter(e -> scheduleIds.contains(e.scheduleId()))
            .map(AudienceDueEntries.DueEntry::profileId)
            .distinct()
            .toList());
  }
}
