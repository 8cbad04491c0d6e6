package dev.waymark.core.segment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.journey.Span;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Optional;

/**
 * The sum or the average of a numeric event property over the matching events within a window (or
 * ever): "orders worth 1,000 in total in the last year", "an average order of 200 or more". The
 * value is {@code properties.<property>} (dotted for nested objects); a number, or text that is a
 * decimal number. Events without a numeric value are left out of both the sum and the average. The
 * sum of no event is 0; the average of no event is undefined, so an average rule does not hold.
 */
public record AggregateRule(
    EventCondition condition,
    Kind kind,
    String property,
    BigDecimal atLeast,
    BigDecimal atMost,
    Span within)
    implements Rule {

  public enum Kind {
    SUM("sum"),
    AVERAGE("average");

    private final String key;

    Kind(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  @Override
  public boolean test(SegmentContext context) {
    return value(context)
        .filter(v -> atLeast == null || v.compareTo(atLeast) >= 0)
        .filter(v -> atMost == null || v.compareTo(atMost) <= 0)
        .isPresent();
  }

  /** The sum or the average over the window now; empty for the average of no value. */
  public Optional<BigDecimal> value(SegmentContext context) {
    Instant now = context.now();
    BigDecimal sum = BigDecimal.ZERO;
    long count = 0;
    Iterable<InboundEvent> events =
        within == null ? context.events() : context.timeline().since(within.before(now));
    for (InboundEvent event : events) {
      Instant t = event.timestamp();
      if (t.isAfter(now)
          || (within != null && t.isBefore(within.before(now)))
          || !condition.matches(event, context.profile())) {
        continue;
      }
      Optional<BigDecimal> number = number(event);
      if (number.isPresent()) {
        sum = sum.add(number.get());
        count++;
      }
    }
    if (kind == Kind.SUM) {
      return Optional.of(sum);
    }
    return count == 0
        ? Optional.empty()
        : Optional.of(sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64));
  }

  private Optional<BigDecimal> number(InboundEvent event) {
    JsonNode node = event.body().path("properties");
    for (String part : property.split("\\.")) {
      node = node.path(part);
    }
    if (node.isNumber()) {
      return Optional.of(node.decimalValue());
    }
    if (node.isTextual()) {
      try {
        return Optional.of(new BigDecimal(node.asText().trim()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** As for a count: when a counted event slides out of the window, or a future-dated one comes. */
  @Override
  public Optional<Instant> nextChange(SegmentContext context) {
    return EventRule.anyChange(condition, within, context);
  }

  @Override
  public void collect(RuleDependencies dependencies) {
    dependencies.event(condition.name());
    if (within != null) {
      dependencies.timeDependent();
    }
  }
}
