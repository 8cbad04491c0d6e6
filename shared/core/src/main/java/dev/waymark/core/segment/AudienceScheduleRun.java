package dev.waymark.core.segment;

import dev.waymark.core.profile.ProfileService;
import dev.waymark.core.store.Page;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The hourly run of the audience schedules: for each schedule whose occurrence is this hour in a
 * member's time zone, asks for that member to enter the journey. Members come from the segment's
 * member index (never a scan of profiles).
 */
public final class AudienceScheduleRun {
  private static final int PAGE = 500;
  private final List<AudienceSchedule> schedules;
  private final SegmentMemberships memberships;
  private final ProfileService profiles;
  private final JourneyEntryRequests entries;

  public AudienceScheduleRun(
      List<AudienceSchedule> schedules,
      SegmentMemberships memberships,
      ProfileService profiles,
      JourneyEntryRequests entries) {
    this.schedules = List.copyOf(schedules);
    this.memberships = memberships;
    this.profiles = profiles;
    this.entries = entries;
  }

  /** Runs the hour of {@code scheduledAt}; returns how many entries were requested. */
  public int run(Instant scheduledAt) {
    Instant hour = scheduledAt.truncatedTo(ChronoUnit.HOURS);
    int requested = 0;
    for (AudienceSchedule schedule : schedules) {
      if (!schedule.mayOccur(hour) || memberships.size(schedule.segmentId()) == 0) {
        continue;
      }
      String cursor = null;
      do {
        Page<String> page = memberships.members(schedule.segmentId(), PAGE, cursor);
        for (String profileId : page.items()) {
          requested += request(schedule, hour, profileId);
        }
        cursor = page.nextCursor();
      } while (cursor != null);
    }
    return requested;
  }

  private int request(AudienceSchedule schedule, Instant hour, String profileId) {
    Optional<ZoneId> zone =
        schedule.fixedZone().isPresent()
            ? schedule.fixedZone()
            : profiles.resolve(profileId).map(SegmentContext::zoneOf);
    Optional<String> key = zone.flatMap(z -> schedule.occurrence(hour, z));
    key.ifPresent(k -> entries.requestEntry(schedule.journeyId(), profileId, k, schedule.id()));
    return key.isPresent() ? 1 : 0;
  }
}
