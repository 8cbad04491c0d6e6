package dev.waymark.core.segment;

import dev.waymark.core.event.EventInbox;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * The daily lease-expiry run: asks the date index (never a table scan) who has a lease ending in
 * exactly {@link #DAYS_AHEAD} days, and emits one {@code Lease Close To End} per person per lease.
 * Its messageId is {@code lease:<profileId>:<leaseEnd>}, so a rerun of the same day — or a
 * scheduler retry — emits nothing new: the inbox stores each messageId once.
 */
public final class LeaseScan {
  public static final int DAYS_AHEAD = 90;
  private final DateMarkers markers;
  private final ProfileService profiles;
  private final EventInbox inbox;

  /**
   * What one run did: leases found on the index, events emitted, repeats and stale markers skipped.
   */
  public record Result(LocalDate leaseEnd, int found, int emitted, int alreadyEmitted, int stale) {}

  public LeaseScan(DateMarkers markers, ProfileService profiles, EventInbox inbox) {
    this.markers = markers;
    this.profiles = profiles;
    this.inbox = inbox;
  }

  /**
   * The first day (UTC, its start) on or after the day of {@code from} whose scan can find a lease
   * (one ending 90 days later was marked); scans of the days before find nobody.
   */
  public Optional<Instant> nextRun(Instant from) {
    LocalDate day = from.atZone(ZoneOffset.UTC).toLocalDate();
    return markers
        .nextMarkedDate(DateTraitMarkers.LEASE_END, day.plusDays(DAYS_AHEAD))
        .map(leaseEnd -> leaseEnd.minusDays(DAYS_AHEAD).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /** Runs for the day (UTC) of {@code scheduledAt}. */
  public Result run(Instant scheduledAt) {
    LocalDate leaseEnd = scheduledAt.atZone(ZoneOffset.UTC).toLocalDate().plusDays(DAYS_AHEAD);
    int found = 0;
    int emitted = 0;
    int repeats = 0;
    int stale = 0;
    for (String profileId : markers.profilesOn(DateTraitMarkers.LEASE_END, leaseEnd)) {
      found++;
      Optional<Profile> profile =
          profiles
              .resolve(profileId)
              .filter(
                  p ->
                      Objects.equals(
                          leaseEnd,
                          DateTraitMarkers.dateOf(
                              p.traits().values().get(DateTraitMarkers.LEASE_END))));
      if (profile.isEmpty() || profile.get().identities().isEmpty()) {
        stale++;
        continue;
      }
      InboundEvent event =
          InternalEvents.leaseCloseToEnd(profile.get(), leaseEnd, DAYS_AHEAD, scheduledAt);
      if (inbox.accept(event, "lease-scan")) {
        emitted++;
      } else {
        repeats++;
      }
    }
    return new Result(leaseEnd, found, emitted, repeats, stale);
  }
}
