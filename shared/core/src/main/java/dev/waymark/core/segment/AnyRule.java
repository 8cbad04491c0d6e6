package dev.waymark.core.segment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** At least one of the rules holds. */
public record AnyRule(List<Rule> rules) implements Rule {
  public AnyRule {
    rules = List.copyOf(rules);
  }

  @Override
  public boolean test(SegmentContext context) {
    return rules.stream().anyMatch(r -> r.test(context));
  }

  @Override
  public Optional<Instant> nextChange(SegmentContext context) {
    return rules.stream().map(r -> r.nextChange(context)).reduce(Optional.empty(), Rule::earliest);
  }

  @Override
  public void collect(RuleDependencies dependencies) {
    rules.forEach(r -> r.collect(dependencies));
  }
}
