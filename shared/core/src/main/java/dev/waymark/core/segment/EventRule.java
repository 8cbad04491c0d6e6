package dev.waymark.core.segment;

import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.journey.Span;
import java.time.Instant;
import java.util.Optional;

/**
 * Performed at least / at most N times within a window ({@code within}, counted back from now and
 * including its first instant), or ever when there is no window. {@code atMost: 0} is "not
 * performed within". Message engagement ("Message Opened" / "Message Clicked") is this rule too.
 */
public record EventRule(EventCondition condition, int atLeast, Integer atMost, Span within)
    implements Rule {

  @Override
  public boolean test(SegmentContext context) {
    long count =
        context.events().stream()
            .filter(e -> inWindow(e, context.now()))
            .filter(e -> condition.matches(e, context.profile()))
            .count();
    return count >= atLeast && (atMost == null || count <= atMost);
  }

  private boolean inWindow(InboundEvent event, Instant now) {
    Instant t = event.timestamp();
    return !t.isAfter(now) && (within == null || !t.isBefore(within.before(now)));
  }

  /** When the oldest counted event slides out of the window, or a future-dated one comes in. */
  @Override
  public Optional<Instant> nextChange(SegmentContext context) {
    Optional<Instant> next = Optional.empty();
    Instant now = context.now();
    for (InboundEvent event : context.events()) {
      if (!condition.matches(event, context.profile())) {
        continue;
      }
      Instant t = event.timestamp();
      if (t.isAfter(now)) {
        next = Rule.earliest(next, Optional.of(t));
      } else if (within != null && inWindow(event, now)) {
        next = Rule.earliest(next, Optional.of(within.after(t).plusNanos(1)));
      }
    }
    return next;
  }

  @Override
  public void collect(RuleDependencies dependencies) {
    dependencies.event(condition.name());
    if (within != null) {
      dependencies.timeDependent();
    }
  }
}
