package dev.waymark.core.segment;

import java.time.Instant;
import java.util.Optional;

/**
 * One condition of a segment's rule language. A rule answers whether a person is in, when its
 * answer can next change by time passing alone (so a due-time check can be scheduled instead of
 * scanning), and what it depends on (so an event only re-evaluates the rules it can affect).
 */
public sealed interface Rule
    permits GroupRule,
        NotRule,
        TraitRule,
        DateRule,
        EventRule,
        AggregateRule,
        LastPerformedRule,
        NotFollowedByRule,
        ConsentRule,
        ReachableRule,
        InSegmentRule {

  boolean test(SegmentContext context);

  /** The earliest instant after now at which {@link #test} may change with no new event, if any. */
  Optional<Instant> nextChange(SegmentContext context);

  /** Adds what this rule reads to {@code dependencies}. */
  void collect(RuleDependencies dependencies);

  static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return a.get().isBefore(b.get()) ? a : b;
  }
}
