package dev.waymark.core.segment;

import dev.waymark.core.profile.ConsentChannel;
import java.time.Instant;
import java.util.Optional;

/** The person has granted a channel (and a topic, when one is named). */
public record ConsentRule(ConsentChannel channel, String topic) implements Rule {
  @Override
  public boolean test(SegmentContext context) {
    return context.profile().consents().allows(channel, topic);
  }

  @Override
  public Optional<Instant> nextChange(SegmentContext context) {
    return Optional.empty();
  }

  @Override
  public void collect(RuleDependencies dependencies) {
    dependencies.consents();
  }
}
