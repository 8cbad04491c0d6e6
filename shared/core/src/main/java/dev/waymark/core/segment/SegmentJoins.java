package dev.waymark.core.segment;

import dev.waymark.core.profile.Profile;
import java.time.Instant;

/** Hears that a person entered a segment (after the membership change is written). */
@FunctionalInterface
public interface SegmentJoins {
  SegmentJoins NONE = (profile, segmentId, at) -> {};

  void joined(Profile profile, String segmentId, Instant at);
}
