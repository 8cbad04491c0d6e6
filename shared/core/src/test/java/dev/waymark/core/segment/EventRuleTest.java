package dev.waymark.core.segment;

import static dev.waymark.core.segment.RuleFixtures.context;
import static dev.waymark.core.segment.RuleFixtures.page;
import static dev.waymark.core.segment.RuleFixtures.profile;
import static dev.waymark.core.segment.RuleFixtures.rule;
import static dev.waymark.core.segment.RuleFixtures.track;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.event.InboundEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventRuleTest {
  static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  @Test
  void atLeastNTimesWithinAWindowWithPropertyFilters() {
    Rule rule =
        rule(
            """
        event: Order Completed
        where: [{ field: properties.total, op: greaterThan, value: 100 }]
        atLeast: 2
        within: P30D""");
    InboundEvent big1 = track("Order Completed", "2026-11-20T10:00:00Z", "{\"total\":150}");
    InboundEvent big2 =
        track(
            "Order Completed",
            "2026-10-25T12:00:00Z",
            "{\"total\":300}"); // first instant of the window
    InboundEvent small = track("Order Completed", "2026-11-21T10:00:00Z", "{\"total\":20}");
    InboundEvent old =
        track("Order Completed", "2026-10-25T11:59:59Z", "{\"total\":300}"); // one second too old
    assertThat(rule.test(context(profile("{}"), NOW, big1, big2))).isTrue();
    assertThat(rule.test(context(profile("{}"), NOW, big1, small))).isFalse();
    assertThat(rule.test(context(profile("{}"), NOW, big1, old))).isFalse();
    // big2 slides out of the window one instant after its 30 days are over
    assertThat(rule.nextChange(context(profile("{}"), NOW, big1, big2)))
        .contains(Instant.parse("2026-11-24T12:00:00.000000001Z"));
  }

  @Test
  void atMostAndNotPerformedWithin() {
    Rule atMost = rule("event: Support Ticket\natMost: 1\nwithin: P7D");
    InboundEvent t1 = track("Support Ticket", "2026-11-20T00:00:00Z", "{}");
    InboundEvent t2 = track("Support Ticket", "2026-11-22T00:00:00Z", "{}");
    assertThat(atMost.test(context(profile("{}"), NOW, t1))).isTrue();
    assertThat(atMost.test(context(profile("{}"), NOW, t1, t2))).isFalse();
    assertThat(atMost.test(context(profile("{}"), NOW))).isTrue();

    Rule inactive = rule("event: \"*\"\nwithin: P60D\natMost: 0");
    InboundEvent lastSeen = page("Home", "2026-09-25T12:00:00Z", "{}");
    assertThat(inactive.test(context(profile("{}"), NOW, lastSeen)))
        .isFalse(); // exactly 60 days: still in the window
    assertThat(inactive.test(context(profile("{}"), NOW.plusSeconds(1), lastSeen))).isTrue();
    assertThat(inactive.nextChange(context(profile("{}"), NOW, lastSeen)))
        .contains(Instant.parse("2026-11-24T12:00:00.000000001Z"));
  }

  @Test
  void waymarksOwnEventsAreNotActivity() {
    Rule active = rule("event: \"*\"\nwithin: P60D");
    InboundEvent segmentEntered =
        InternalEvents.segmentChange(
            profile(
                "{}",
                dev.waymark.core.identity.Identity.of(
                    dev.waymark.core.identity.IdentityNamespace.USER_ID, "u1")),
            definition(),
            true,
            NOW.minusSeconds(60));
    assertThat(active.test(context(profile("{}"), NOW, segmentEntered))).isFalse();
    assertThat(
            active.test(context(profile("{}"), NOW, track("Login", "2026-11-24T11:00:00Z", "{}"))))
        .isTrue();
  }

  @Test
  void aFutureDatedEventCountsOnlyOnceItsTimeComes() {
    Rule rule = rule("event: Test Drive\nwithin: P1D");
    InboundEvent tomorrow = track("Test Drive", "2026-11-25T09:00:00Z", "{}");
    assertThat(rule.test(context(profile("{}"), NOW, tomorrow))).isFalse();
    assertThat(rule.nextChange(context(profile("{}"), NOW, tomorrow)))
        .contains(Instant.parse("2026-11-25T09:00:00Z"));
  }

  @Test
  void lastPerformedBeforeAndAfter() {
    InboundEvent login = track("Login", "2026-09-01T00:00:00Z", "{}");
    Rule before = rule("event: Login\nlastPerformed: { before: P60D }");
    Rule after = rule("event: Login\nlastPerformed: { after: P90D }");
    Rule fixed = rule("event: Login\nlastPerformed: { before: \"2026-10-01T00:00:00Z\" }");
    assertThat(before.test(context(profile("{}"), NOW, login))).isTrue();
    assertThat(after.test(context(profile("{}"), NOW, login))).isTrue();
    assertThat(fixed.test(context(profile("{}"), NOW, login))).isTrue();
    InboundEvent recent = track("Login", "2026-11-23T00:00:00Z", "{}");
    assertThat(before.test(context(profile("{}"), NOW, login, recent))).isFalse();
    assertThat(fixed.test(context(profile("{}"), NOW, login, recent))).isFalse();
    assertThat(before.nextChange(context(profile("{}"), NOW, login, recent)))
        .contains(Instant.parse("2027-01-22T00:00:00.000000001Z"));
    assertThat(before.test(context(profile("{}"), NOW))).isFalse(); // never performed: in neither
    assertThat(after.test(context(profile("{}"), NOW))).isFalse();
  }

  @Test
  void theEvModelPageMatchesByNameOrByModelProperty() throws Exception {
    SegmentDefinition ev =
        SegmentYaml.parse(
            java.nio.file.Files.readString(
                java.nio.file.Path.of("../../segments/interested-in-ev-model.yaml")),
            "file");
    assertThat(
            ev.rule()
                .test(context(profile("{}"), NOW, page("E-V Model", "2026-11-24T07:01:00Z", "{}"))))
        .isTrue();
    assertThat(
            ev.rule()
                .test(
                    context(
                        profile("{}"),
                        NOW,
                        page("Electric", "2026-11-24T07:01:00Z", "{\"model\":\"E-V\"}"))))
        .isTrue();
    assertThat(
            ev.rule()
                .test(
                    context(
                        profile("{}"),
                        NOW,
                        page("Model A", "2026-11-24T07:01:00Z", "{\"model\":\"A\"}"))))
        .isFalse();
    assertThat(
            ev.rule()
                .test(
                    context(profile("{}"), NOW, track("E-V Model", "2026-11-24T07:01:00Z", "{}"))))
        .isFalse();
  }

  @Test
  void engagementWithMessagesWithinAWindow() {
    Rule opened = rule("engaged: { action: opened, within: P30D, journeyId: lease-renewal }");
    InboundEvent open =
        track(
            "Message Opened",
            "2026-11-01T00:00:00Z",
            "{\"journeyId\":\"lease-renewal\",\"templateId\":\"t1\"}");
    InboundEvent otherJourney =
        track("Message Opened", "2026-11-01T00:00:00Z", "{\"journeyId\":\"welcome\"}");
    InboundEvent click =
        track("Message Clicked", "2026-11-01T00:00:00Z", "{\"journeyId\":\"lease-renewal\"}");
    assertThat(opened.test(context(profile("{}"), NOW, open))).isTrue();
    assertThat(opened.test(context(profile("{}"), NOW, otherJourney, click))).isFalse();
    assertThat(
            rule("engaged: { action: clicked, templateId: t9 }")
                .test(context(profile("{}"), NOW, click)))
        .isFalse();
    assertThat(rule("engaged: { action: clicked }").test(context(profile("{}"), NOW, click)))
        .isTrue();
  }

  static SegmentDefinition definition() {
    ObjectNode source = dev.waymark.core.json.Json.object();
    return new SegmentDefinition("s", "S", "", new InSegmentRule("x"), source);
  }
}
