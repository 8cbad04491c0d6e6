package dev.waymark.core.segment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A group of rules: with {@link Match#ALL} every one of them holds, with {@link Match#ANY} one. */
public record GroupRule(Match match, List<Rule> rules) implements Rule {
  /** How the group combines its rules. */
  public enum Match {
    ALL,
    ANY
  }

  public GroupRule {
    rules = List.copyOf(rules);
  }

  @Override
  public boolean test(SegmentContext context) {
    return match == Match.ALL
        ? rules.stream().allMatch(r -> r.test(context))
        : rules.stream().anyMatch(r -> r.test(context));
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
