package dev.waymark.core.segment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.journey.FilterOp;
import java.time.Instant;
import java.util.Optional;

/**
 * A comparison on a profile trait: equals, notEquals, greaterThan, lessThan, exists, in, contains,
 * startsWith. On an {@code account.<trait>} it holds when any of the person's linked accounts
 * matches.
 */
public record TraitRule(String trait, FilterOp op, JsonNode value) implements Rule {
  @Override
  public boolean test(SegmentContext context) {
    return context.traitValues(trait).stream().anyMatch(v -> op.test(v, value));
  }

  @Override
  public Optional<Instant> nextChange(SegmentContext context) {
    return Optional.empty();
  }

  @Override
  public void collect(RuleDependencies dependencies) {
    dependencies.trait(trait);
  }
}
