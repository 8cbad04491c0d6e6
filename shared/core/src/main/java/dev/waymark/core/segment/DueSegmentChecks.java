package dev.waymark.core.segment;

import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The hourly sweep of re-checks that fell due (time-based segment changes: a lease end coming
 * within 90 days, a person inactive for 60 days, an event sliding out of a window). Each run reads
 * only the bucket of checks due by its hour — never all profiles — and their people together.
 */
public record DueSegmentChecks(
    SegmentDueChecks due, ProfileService profiles, SegmentEvaluator evaluator) {
  /**
   * Re-checks everything due by {@code scheduledAt} (the hour this run stands for; a late run still
   * covers its own hour). Returns how many checks ran.
   */
  public int run(Instant scheduledAt) {
    int ran = 0;
    List<SegmentDueChecks.DueCheck> checks = due.dueBy(scheduledAt);
    Map<String, Profile> people =
        profiles.resolveAll(
            checks.stream().map(SegmentDueChecks.DueCheck::profileId).distinct().toList());
    for (SegmentDueChecks.DueCheck check : checks) {
      Profile person = people.get(check.profileId());
      if (person != null) {
        evaluator.recheck(person, Set.of(check.segmentId()));
      }
      due.done(check);
      ran++;
    }
    return ran;
  }

  /** The first sweep at or after {@code from} that has checks to run, if any is known. */
  public Optional<Instant> nextRun(Instant from) {
    return due.nextDueHour(from);
  }
}
