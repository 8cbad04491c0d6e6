package dev.waymark.core.segment;

import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileDirectory;
import dev.waymark.core.store.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates a draft definition before anyone saves it: over at most {@code maxProfiles} live
 * profiles (the draft has no member index yet). When the table holds more, the size is an estimate
 * scaled from the share of evaluated profiles that matched, and says so.
 */
public record SegmentPreview(ProfileDirectory directory, SegmentEvaluator evaluator, Clock clock) {
  /**
   * The matches counted, how many profiles were evaluated, whether that was all of them, and a
   * sample.
   */
  public record Result(long matched, long evaluated, boolean complete, List<String> sample) {}

  public Result run(SegmentDefinition draft, int maxProfiles, int sampleSize) {
    Instant now = clock.instant();
    long matched = 0;
    long evaluated = 0;
    List<String> sample = new ArrayList<>();
    String cursor = null;
    do {
      Page<Profile> page = directory.page(Math.min(500, maxProfiles), cursor);
      for (Profile profile : page.items()) {
        if (evaluated >= maxProfiles) {
          return new Result(matched, evaluated, false, sample);
        }
        evaluated++;
        if (draft.rule().test(evaluator.context(profile, now, null))) {
          matched++;
          if (sample.size() < sampleSize) {
            sample.add(profile.id());
          }
        }
      }
      cursor = page.nextCursor();
    } while (cursor != null && evaluated < maxProfiles);
    return new Result(matched, evaluated, cursor == null, sample);
  }
}
