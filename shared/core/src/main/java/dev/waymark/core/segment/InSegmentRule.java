package dev.waymark.core.segment;

import java.time.Instant;
import java.util.Optional;

/**
 * The person is a member of another segment (as recorded; its changes arrive as Segment events).
 */
public record InSegmentRule(String segmentId) implements Rule {
  @Override
  public boolean test(SegmentContext context) {
    return context.inSegment(segmentId);
  }

  @Override
  public Optional<Instant> nextChange(SegmentContext context) {
    return Optional.empty();
  }

  @Override
  public void collect(RuleDependencies dependencies) {
    dependencies.segment(segmentId);
  }
}
