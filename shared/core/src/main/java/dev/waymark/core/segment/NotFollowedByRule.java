package dev.waymark.core.segment;

import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.journey.Span;
import java.time.Instant;
import java.util.Optional;

/**
 * "Did {@code first}, then not {@code by} within {@code within}" — seed 001's abandoned cart (a
 * product added, no order within 30 minutes). It reads the person's latest {@code first} event (not
 * after now, and no older than {@code lookBack} when given): the person is in once {@code within}
 * has passed since it with no {@code by} event at or after it. A {@code by} event later than {@code
 * within} still takes the person out (the cart is no longer abandoned), and a new {@code first}
 * event starts the wait again.
 */
public record NotFollowedByRule(EventCondition first, EventCondition by, Span within, Span lookBack)
    implements Rule {

  @Override
  public boolean test(SegmentContext context) {
    Instant now = context.now();
    Optional<Instant> last = latestFirst(context);
    if (last.isEmpty() || within.after(last.get()).isAfter(now)) {
      return false;
    }
    Instant since = last.get();
    for (InboundEvent event : context.timeline().since(since)) {
      Instant t = event.timestamp();
      if (!t.isBefore(since) && !t.isAfter(now) && by.matches(event, context.profile())) {
        return false;
      }
    }
    return true;
  }

  private Optional<Instant> latestFirst(SegmentContext context) {
    Instant now = context.now();
    return context
        .timeline()
        .latest(
            now,
            lookBack == null ? null : lookBack.before(now),
            e -> first.matches(e, context.profile()));
  }

  /**
   * When {@code within} has passed since the latest first event (the person may come in), when that
   * event leaves {@code lookBack} (they go out), or when a future-dated first event comes in.
   */
  @Override
  public Optional<Instant> nextChange(SegmentContext context) {
    Instant now = context.now();
    Optional<Instant> next = Optional.empty();
    for (InboundEvent event : context.timeline().since(now)) {
      if (event.timestamp().isAfter(now) && first.matches(event, context.profile())) {
        next = Rule.earliest(next, Optional.of(event.timestamp()));
      }
    }
    Optional<Instant> last = latestFirst(context);
    if (last.isPresent()) {
      Instant due = within.after(last.get());
      if (due.isAfter(now)) {
        next = Rule.earliest(next, Optional.of(due));
      }
      if (lookBack != null) {
        next = Rule.earliest(next, Optional.of(lookBack.after(last.get()).plusNanos(1)));
      }
    }
    return next;
  }

  @Override
  public void collect(RuleDependencies dependencies) {
    dependencies.event(first.name());
    dependencies.event(by.name());
    dependencies.timeDependent();
  }
}
