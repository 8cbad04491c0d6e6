package dev.waymark.core.segment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.journey.FilterOp;
import java.time.Instant;
import java.util.Optional;

/**
 * A comparison on a profile trait: equals, notEquals, greaterThan, lessThan, exists, in, contains,
 * startsWith.
 */
public record TraitRule(String trait, FilterOp op, JsonNode value) implements Rule {
  @Override
  public boolean test(SegmentContext context) {
    return op.test(context.trait(trait), value);
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
