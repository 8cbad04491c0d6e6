package dev.waymark.core.segment;

import static dev.waymark.core.segment.RuleFixtures.profile;
import static dev.waymark.core.segment.RuleFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.profile.ConsentChannel;
import dev.waymark.core.profile.ConsentDecision;
import dev.waymark.core.profile.Profile;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Consent, reachability, membership of other segments and all/any/not nesting. */
class ProfileRuleTest {
  static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  static SegmentContext context(Profile profile, Set<String> memberships) {
    return new SegmentContext(profile, NOW, memberships, List::of);
  }

  @Test
  void consentPerChannelAndTopic() {
    Profile profile = profile("{}");
    ConsentDecision granted =
        new ConsentDecision(ConsentDecision.ConsentStatus.granted, "web", NOW);
    ConsentDecision denied = new ConsentDecision(ConsentDecision.ConsentStatus.denied, "web", NOW);
    Profile consenting =
        profile.withConsents(
            profile
                .consents()
                .with(ConsentChannel.EMAIL, null, granted)
                .with(ConsentChannel.EMAIL, "offers", denied),
            NOW);
    assertThat(rule("consent: email").test(context(consenting, Set.of()))).isTrue();
    assertThat(rule("consent: sms").test(context(consenting, Set.of()))).isFalse();
    assertThat(
            rule("consent: { channel: email, topic: offers }").test(context(consenting, Set.of())))
        .isFalse();
    assertThat(rule("consent: email").test(context(profile, Set.of()))).isFalse();
  }

  @Test
  void reachability() {
    Profile full =
        profile(
            "{}",
            Identity.of(IdentityNamespace.EMAIL, "sarah@example.com"),
            Identity.of(IdentityNamespace.PHONE, "+48 608 123 456"),
            Identity.of(IdentityNamespace.PUSH_TOKEN, "tok"));
    Profile broken =
        profile(
            "{}",
            Identity.of(IdentityNamespace.EMAIL, "sarah-at-example"),
            Identity.of(IdentityNamespace.PHONE, "608"));
    for (String channel : List.of("email", "phone", "push")) {
      assertThat(rule("reachable: " + channel).test(context(full, Set.of()))).as(channel).isTrue();
      assertThat(rule("reachable: " + channel).test(context(broken, Set.of())))
          .as(channel)
          .isFalse();
    }
  }

  @Test
  void membershipAndNesting() {
    Profile p = profile("{\"tier\":\"gold\"}");
    Rule nested =
        rule(
            """
        all:
          - inSegment: a
          - any:
              - trait: tier
                equals: gold
              - inSegment: b
          - not:
              inSegment: c""");
    assertThat(nested.test(context(p, Set.of("a")))).isTrue();
    assertThat(nested.test(context(p, Set.of("a", "c")))).isFalse();
    assertThat(nested.test(context(p, Set.of("b")))).isFalse();
    assertThat(nested.test(context(profile("{}"), Set.of("a", "b")))).isTrue();
    assertThat(nested.test(context(profile("{}"), Set.of("a")))).isFalse();
    RuleDependencies reads = RuleDependencies.of(nested);
    assertThat(reads.segments()).containsExactly("a", "b", "c");
    assertThat(reads.traits()).containsExactly("tier");
    assertThat(reads.isTimeDependent()).isFalse();
  }
}
