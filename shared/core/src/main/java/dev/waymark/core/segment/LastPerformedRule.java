package dev.waymark.core.segment;

import dev.waymark.core.journey.Span;
import java.time.Instant;
import java.util.Optional;

/**
 * The most recent matching event happened before (or after) a point: either a span back from now
 * ({@code before: P60D} is "last performed more than 60 days ago") or a fixed instant. A person who
 * never performed it is in neither.
 */
public record LastPerformedRule(EventCondition condition, boolean before, Span ago, Instant fixed)
    implements Rule {

  @Override
  public boolean test(SegmentContext context) {
    Optional<Instant> last = last(context);
    if (last.isEmpty()) {
      return false;
    }
    Instant point = point(context.now());
    return before ? last.get().isBefore(point) : !last.get().isBefore(point);
  }

  private Instant point(Instant now) {
    return fixed != null ? fixed : ago.before(now);
  }

  private Optional<Instant> last(SegmentContext context) {
    return context
        .timeline()
        .latest(context.now(), null, e -> condition.matches(e, context.profile()));
  }

  /**
   * The moment "now - span" passes the last event (the answer flips then); none for a fixed point.
   */
  @Override
  public Optional<Instant> nextChange(SegmentContext context) {
    if (fixed != null) {
      return Optional.empty();
    }
    return last(context).map(t -> ago.after(t).plusNanos(1)).filter(t -> t.isAfter(context.now()));
  }

  @Override
  public void collect(RuleDependencies dependencies) {
    dependencies.event(condition.name());
    if (fixed == null) {
      dependencies.timeDependent();
    }
  }
}
