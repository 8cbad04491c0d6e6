package dev.waymark.core.segment;

import java.time.Instant;
import java.util.Optional;

/** The rule does not hold. */
public record NotRule(Rule rule) implements Rule {
  @Override
  public boolean test(SegmentContext context) {
    return !rule.test(context);
  }

  @Override
  public Optional<Instant> nextChange(SegmentContext context) {
    return rule.nextChange(context);
  }

  @Override
  public void collect(RuleDependencies dependencies) {
    rule.collect(dependencies);
  }
}
