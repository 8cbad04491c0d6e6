package dev.waymark.core.segment;

import static dev.waymark.core.segment.RuleFixtures.context;
import static dev.waymark.core.segment.RuleFixtures.profile;
import static dev.waymark.core.segment.RuleFixtures.rule;
import static dev.waymark.core.segment.RuleFixtures.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.core.event.InboundEvent;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The sum and the average of an event property over a window (loyalty by order total). */
class AggregateRuleTest {
  static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  static final InboundEvent RECENT =
      track("Order Completed", "2026-11-20T10:00:00Z", "{\"total\":600.50}");
  static final InboundEvent TEXT =
      track("Order Completed", "2026-10-01T10:00:00Z", "{\"total\":\"399.50\"}");
  static final InboundEvent NO_TOTAL =
      track("Order Completed", "2026-10-02T10:00:00Z", "{\"coupon\":\"X\"}");
  static final InboundEvent FIRST_INSTANT =
      track("Order Completed", "2025-11-24T12:00:00Z", "{\"total\":100}");
  static final InboundEvent TOO_OLD =
      track("Order Completed", "2025-11-24T11:59:59Z", "{\"total\":5000}");

  @Test
  void sumOverTheWindowCountsNumbersAndNumericTextAndSkipsTheRest() {
    Rule sum =
        rule("event: Order Completed\nwithin: P365D\nsum: { property: total, atLeast: 1100 }");
    AggregateRule aggregate = (AggregateRule) sum;
    var all = context(profile("{}"), NOW, RECENT, TEXT, NO_TOTAL, FIRST_INSTANT, TOO_OLD);
    assertThat(aggregate.value(all)).contains(new BigDecimal("1100.00"));
    assertThat(sum.test(all)).isTrue();
    assertThat(sum.test(context(profile("{}"), NOW, RECENT, TEXT, TOO_OLD))).isFalse();
    // the event on the window's first instant leaves it one nanosecond after its 365 days
    assertThat(sum.nextChange(all)).contains(Instant.parse("2026-11-24T12:00:00.000000001Z"));
    assertThat(sum.test(context(profile("{}"), NOW.plusSeconds(1), RECENT, TEXT, FIRST_INSTANT)))
        .isFalse();
  }

  @Test
  void averageOfNothingDoesNotHoldAndTheSumOfNothingIsZero() {
    Rule average =
        rule(
            "event: Order Completed\n"
                + "where: [{ field: properties.channel, op: equals, value: web }]\n"
                + "average: { property: total, atLeast: 200, atMost: 1000 }");
    InboundEvent web =
        track("Order Completed", "2026-11-01T00:00:00Z", "{\"total\":150,\"channel\":\"web\"}");
    InboundEvent web2 =
        track("Order Completed", "2026-11-02T00:00:00Z", "{\"total\":350,\"channel\":\"web\"}");
    InboundEvent shop =
        track("Order Completed", "2026-11-03T00:00:00Z", "{\"total\":9000,\"channel\":\"shop\"}");
    assertThat(average.test(context(profile("{}"), NOW, web, web2, shop))).isTrue(); // 250
    assertThat(average.test(context(profile("{}"), NOW, web, shop))).isFalse(); // 150
    assertThat(average.test(context(profile("{}"), NOW))).isFalse();
    Rule littleSpent = rule("event: Order Completed\nsum: { property: total, atMost: 10 }");
    assertThat(littleSpent.test(context(profile("{}"), NOW))).isTrue();
  }

  @Test
  void nestedPropertiesAndDependencies() {
    Rule sum =
        rule("event: Order Completed\nwithin: P30D\nsum: { property: price.amount, atLeast: 10 }");
    InboundEvent nested =
        track("Order Completed", "2026-11-20T00:00:00Z", "{\"price\":{\"amount\":12}}");
    assertThat(sum.test(context(profile("{}"), NOW, nested))).isTrue();
    RuleDependencies deps = RuleDependencies.of(sum);
    assertThat(deps.events()).containsExactly("Order Completed");
    assertThat(deps.isTimeDependent()).isTrue();
  }

  @Test
  void mistakesAreNamedByField() {
    assertProblem(
        "event: Order Completed\nsum: { property: total }", "/rule/sum", "needs atLeast or atMost");
    assertProblem(
        "event: Order Completed\nsum: { property: total, atLeast: ten }",
        "/rule/sum/atLeast",
        "a number");
    assertProblem(
        "event: Order Completed\naverage: { atLeast: 1 }", "/rule/average/property", "required");
    assertProblem(
        "event: Order Completed\natLeast: 2\nsum: { property: total, atLeast: 1 }",
        "/rule/sum",
        "cannot be combined");
    assertProblem(
        "event: Order Completed\nsum: { property: total, atLeast: 5, atMost: 1 }",
        "/rule/sum/atMost",
        "must not be less than atLeast");
    assertProblem(
        "event: Order Completed\nsum: { property: total, atLeast: 1, over: P1D }",
        "/rule/sum/over",
        "not allowed");
    assertProblem(
        "event: Order Completed\nsum: { property: \"a..b\", atLeast: 1 }",
        "/rule/sum/property",
        "a property name");
  }

  private static void assertProblem(String yaml, String field, String message) {
    assertThatThrownBy(() -> rule(yaml))
        .isInstanceOfSatisfying(
            SegmentDefinitionException.class,
            e ->
                assertThat(e.problems())
                    .anySatisfy(
                        p -> {
                          assertThat(p.field()).isEqualTo(field);
                          assertThat(p.message()).contains(message);
                        }));
  }
}
