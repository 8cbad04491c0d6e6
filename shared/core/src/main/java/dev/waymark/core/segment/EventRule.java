package dev.waymark.core.segment;

import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.journey.Span;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Performed at least / at most N times within a window ({@code within}, counted back from now and
 * including its first instant), or ever when there is no window. {@code atMost: 0} is "not
 * performed within". Message engagement ("Message Opened" / "Message Clicked") is this rule too.
 *
 * <p>It reads the person's events newest first and only as far as the answer needs: past the
 * window's start, or past the count that settles it ({@code atMost + 1}, or {@code atLeast}), so
 * "inactive for 60 days" reads the latest event, not the person's whole history.
 */
public record EventRule(EventCondition condition, int atLeast, Integer atMost, Span within)
    implements Rule {

  @Override
  public boolean test(SegmentContext context) {
    if (settledByTrigger(context).isPresent()) {
      return member(1);
    }
    return member(counted(context).limit(settling()).count());
  }

  /**
   * The time of the event being processed when it alone settles the answer, so nothing is read: one
   * counted event settles it ({@code atMost: 0}, or {@code atLeast: 1} with no {@code atMost}) and
   * the event is counted (in the window, matching). Other events only add to the count, which then
   * stays settled at least until this event leaves the window.
   */
  private Optional<Instant> settledByTrigger(SegmentContext context) {
    if (within == null || settling() != 1) {
      return Optional.empty();
    }
    return context
        .timeline()
        .trigger()
        .filter(e -> inWindow(e, context.now()) && condition.matches(e, context.profile()))
        .map(InboundEvent::timestamp);
  }

  private boolean member(long count) {
    return count >= atLeast && (atMost == null || count <= atMost);
  }

  /** How many counted events settle the answer: counting further cannot change it. */
  private int settling() {
    return atMost == null ? atLeast : Math.max(atLeast, atMost + 1);
  }

  /** The matching events in the window now, newest first, read as the stream is consumed. */
  private Stream<InboundEvent> counted(SegmentContext context) {
    Instant now = context.now();
    return candidates(context)
        .filter(e -> inWindow(e, now))
        .filter(e -> condition.matches(e, context.profile()));
  }

  private Stream<InboundEvent> candidates(SegmentContext context) {
    Iterable<InboundEvent> events =
        within == null
            ? context.timeline().newestFirst()
            : context.timeline().since(within.before(context.now()));
    return StreamSupport.stream(events.spliterator(), false);
  }

  private boolean inWindow(InboundEvent event, Instant now) {
    Instant t = event.timestamp();
    return !t.isAfter(now) && (within == null || !t.isBefore(within.before(now)));
  }

  /**
   * When the answer flips with no new event: as counted events slide out of the window, when the
   * count drops below {@code atLeast} (the {@code atLeast}-th newest leaves) or to {@code atMost}
   * (the {@code atMost + 1}-th newest leaves). A future-dated event (rare: a clock ahead of ours)
   * comes in at its time; with one, every counted event's exit is a candidate, the earliest wins.
   */
  @Override
  public Optional<Instant> nextChange(SegmentContext context) {
    Optional<Instant> trigger = settledByTrigger(context);
    if (trigger.isPresent()) {
      // the newest counted event leaves no earlier than this one: a check then is early at worst,
      // and a check too early re-evaluates and schedules the next
      return Optional.of(within.after(trigger.get()).plusNanos(1));
    }
    Instant now = context.now();
    // future-dated events come first, newest first: look no further than now
    boolean future =
        candidates(context)
            .takeWhile(e -> !e.timestamp().isBefore(now.minus(Timeline.ORDER_SLACK)))
            .anyMatch(e -> e.timestamp().isAfter(now) && condition.matches(e, context.profile()));
    if (future) {
      return anyChange(condition, within, context);
    }
    if (within == null || settling() == 0) {
      return Optional.empty(); // no window, or always in: time alone changes nothing
    }
    List<Instant> newest = newestCounted(context);
    long count = newest.size();
    int leaving;
    if (member(count)) {
      leaving = atLeast; // it goes out when the count drops below atLeast
    } else if (atMost != null && count > atMost) {
      leaving = atMost + 1; // it comes in when the count drops to atMost
    } else {
      return Optional.empty(); // too few: only a new event can change that
    }
    if (leaving == 0 || leaving > newest.size()) {
      return Optional.empty();
    }
    return Optional.of(within.after(newest.get(leaving - 1)).plusNanos(1));
  }

  /**
   * The times of the newest {@link #settling()} counted events, newest first (read a little further
   * than that, since stored events are in time order only to {@link Timeline#ORDER_SLACK}).
   */
  private List<Instant> newestCounted(SegmentContext context) {
    List<Instant> times = new ArrayList<>();
    Instant now = context.now();
    Instant boundary = null;
    for (InboundEvent event : context.timeline().since(within.before(now))) {
      if (boundary != null && event.timestamp().isBefore(boundary)) {
        break;
      }
      if (inWindow(event, now) && condition.matches(event, context.profile())) {
        times.add(event.timestamp());
        if (times.size() == settling()) {
          boundary =
              times.stream().min(Instant::compareTo).orElseThrow().minus(Timeline.ORDER_SLACK);
        }
      }
    }
    times.sort(Comparator.reverseOrder());
    return times.size() > settling() ? times.subList(0, settling()) : times;
  }

  /**
   * The earliest instant a matching event leaves the window {@code within} (one nanosecond after
   * its span) or a future-dated one comes in: when anything counted over the window changes (a sum,
   * an average). Reads the window only.
   */
  static Optional<Instant> anyChange(
      EventCondition condition, Span within, SegmentContext context) {
    Optional<Instant> next = Optional.empty();
    Instant now = context.now();
    Iterable<InboundEvent> events =
        within == null ? context.events() : context.timeline().since(within.before(now));
    for (InboundEvent event : events) {
      if (!condition.matches(event, context.profile())) {
        continue;
      }
      Instant t = event.timestamp();
      if (t.isAfter(now)) {
        next = Rule.earliest(next, Optional.of(t));
      } else if (within != null && !t.isBefore(within.before(now))) {
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
