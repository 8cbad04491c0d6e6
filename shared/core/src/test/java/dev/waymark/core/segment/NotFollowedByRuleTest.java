package dev.waymark.core.segment;

import static dev.waymark.core.segment.RuleFixtures.context;
import static dev.waymark.core.segment.RuleFixtures.profile;
import static dev.waymark.core.segment.RuleFixtures.rule;
import static dev.waymark.core.segment.RuleFixtures.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.problem.FieldError;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seed 001's abandoned cart: a product added, no order within 30 minutes. */
class NotFollowedByRuleTest {
  static final String ABANDONED =
      """
      notFollowedBy:
        event: Product Added
        where: [{ field: properties.cartId, op: exists }]
        by: { event: Order Completed }
        within: PT30M
        lookBack: P7D""";
  static final InboundEvent ADDED =
      track("Product Added", "2026-11-24T09:00:00Z", "{\"cartId\":\"c1\"}");
  static final Instant AT_0930 = Instant.parse("2026-11-24T09:30:00Z");

  @Test
  void inOnceThirtyMinutesPassWithoutAnOrderNotOneInstantBefore() {
    Rule rule = rule(ABANDONED);
    assertThat(rule.test(context(profile("{}"), AT_0930.minusNanos(1), ADDED))).isFalse();
    assertThat(rule.nextChange(context(profile("{}"), AT_0930.minusSeconds(600), ADDED)))
        .contains(AT_0930);
    assertThat(rule.test(context(profile("{}"), AT_0930, ADDED))).isTrue();
  }

  @Test
  void anOrderWithinTheThirtyMinutesOrLaterKeepsOrTakesThePersonOut() {
    Rule rule = rule(ABANDONED);
    InboundEvent quickOrder = track("Order Completed", "2026-11-24T09:10:00Z", "{}");
    assertThat(rule.test(context(profile("{}"), AT_0930, ADDED, quickOrder))).isFalse();
    InboundEvent lateOrder = track("Order Completed", "2026-11-24T12:00:00Z", "{}");
    assertThat(rule.test(context(profile("{}"), Instant.parse("2026-11-24T13:00:00Z"), ADDED)))
        .isTrue();
    assertThat(
            rule.test(
                context(profile("{}"), Instant.parse("2026-11-24T13:00:00Z"), ADDED, lateOrder)))
        .as("bought later: the cart is no longer abandoned")
        .isFalse();
    InboundEvent orderBefore = track("Order Completed", "2026-11-24T08:00:00Z", "{}");
    assertThat(rule.test(context(profile("{}"), AT_0930, ADDED, orderBefore)))
        .as("an order before the cart does not count")
        .isTrue();
  }

  @Test
  void theLatestCartCountsAndAnOldCartLeavesAfterTheLookBack() {
    Rule rule = rule(ABANDONED);
    InboundEvent again = track("Product Added", "2026-11-24T09:20:00Z", "{\"cartId\":\"c1\"}");
    assertThat(rule.test(context(profile("{}"), AT_0930, ADDED, again))).isFalse();
    assertThat(rule.nextChange(context(profile("{}"), AT_0930, ADDED, again)))
        .contains(Instant.parse("2026-11-24T09:50:00Z"));
    Instant weekLater = Instant.parse("2026-12-01T09:00:00Z");
    assertThat(rule.test(context(profile("{}"), weekLater, ADDED))).isTrue();
    assertThat(rule.nextChange(context(profile("{}"), weekLater, ADDED)))
        .contains(weekLater.plusNanos(1));
    assertThat(rule.test(context(profile("{}"), weekLater.plusSeconds(1), ADDED))).isFalse();
    InboundEvent noCart = track("Product Added", "2026-11-24T09:00:00Z", "{}");
    assertThat(rule.test(context(profile("{}"), AT_0930, noCart))).as("the where filter").isFalse();
  }

  @Test
  void itReadsBothEventsAndTime() {
    RuleDependencies reads = RuleDependencies.of(rule(ABANDONED));
    assertThat(reads.events()).containsExactlyInAnyOrder("Product Added", "Order Completed");
    assertThat(reads.isTimeDependent()).isTrue();
  }

  @Test
  void mistakesAreNamedByField() {
    assertThatThrownBy(
            () ->
                rule(
                    """
                    notFollowedBy:
                      event: Product Added
                      by: { where: [] }
                      within: soon
                      colour: red"""))
        .isInstanceOf(SegmentDefinitionException.class)
        .extracting(e -> ((SegmentDefinitionException) e).problems())
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
        .extracting(e -> ((FieldError) e).field())
        .containsExactlyInAnyOrder(
            "/rule/notFollowedBy/colour",
            "/rule/notFollowedBy/by/event",
            "/rule/notFollowedBy/within");
    assertThatThrownBy(() -> rule("notFollowedBy:\n  event: Product Added\n  by: { event: X }"))
        .isInstanceOf(SegmentDefinitionException.class)
        .extracting(e -> ((SegmentDefinitionException) e).problems())
        .isEqualTo(
            List.of(
                new FieldError(
                    "/rule/notFollowedBy/within",
                    "required: how long the follow-up may take, e.g. PT30M")));
  }
}
