package dev.waymark.core.segment;

import static dev.waymark.core.segment.RuleFixtures.profile;
import static dev.waymark.core.segment.RuleFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.core.account.Account;
import dev.waymark.core.json.Json;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.Traits;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Trait rules on {@code account.<trait>} read the person's linked accounts, not their traits. */
class AccountRuleTest {
  static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  static Account account(String id, String traits) {
    return new Account(id, Traits.empty().applying(Json.parseObject(traits), NOW));
  }

  static SegmentContext context(Profile profile, List<Account> accounts) {
    return new SegmentContext(profile, NOW, Set.of(), List::of, () -> accounts);
  }

  @Test
  void anyLinkedAccountMatching() {
    Profile person = profile("{}");
    List<Account> two =
        List.of(
            account("acme", "{\"plan\":\"starter\",\"employees\":12}"),
            account("globex", "{\"plan\":\"enterprise\",\"employees\":900}"));
    assertThat(rule("trait: account.plan\nequals: enterprise").test(context(person, two))).isTrue();
    assertThat(rule("trait: account.employees\nlessThan: 20").test(context(person, two))).isTrue();
    assertThat(rule("trait: account.id\nequals: globex").test(context(person, two))).isTrue();
    assertThat(rule("trait: account.plan\nequals: trial").test(context(person, two))).isFalse();
    assertThat(
            rule("trait: account.plan\nequals: enterprise")
                .test(context(person, two.subList(0, 1))))
        .isFalse();
  }

  @Test
  void withNoAccountTheTraitIsAbsentEvenIfThePersonHasAnAccountTrait() {
    Profile legacy = profile("{\"account\":{\"plan\":\"enterprise\"}}");
    assertThat(rule("trait: account.plan\nequals: enterprise").test(context(legacy, List.of())))
        .isFalse();
    assertThat(rule("trait: account.plan\nexists: false").test(context(legacy, List.of())))
        .isTrue();
    assertThat(rule("trait: account.plan\nnotEquals: enterprise").test(context(legacy, List.of())))
        .isTrue();
  }
}
