package dev.waymark.core.profile;

import static dev.waymark.core.profile.TestProfiles.anon;
import static dev.waymark.core.profile.TestProfiles.day;
import static dev.waymark.core.profile.TestProfiles.profile;
import static dev.waymark.core.profile.TestProfiles.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SurvivorRuleTest {

  @Test
  void aKnownProfileBeatsAnOlderAnonymousOne() {
    Profile oldAnonymous = profile("a", day(1), anon("laptop"));
    Profile youngKnown = profile("z", day(9), user("sarah"));
    assertThat(SurvivorRule.choose(List.of(oldAnonymous, youngKnown))).isSameAs(youngKnown);
  }

  @Test
  void amongEqualsTheOldestSurvives() {
    Profile older = profile("z", day(1), anon("phone"));
    Profile younger = profile("a", day(2), anon("laptop"));
    assertThat(SurvivorRule.choose(List.of(younger, older))).isSameAs(older);
  }

  @Test
  void theSmallerIdBreaksATie() {
    Profile b = profile("b", day(1), user("u1"));
    Profile a = profile("a", day(1), user("u2"));
    assertThat(SurvivorRule.choose(List.of(b, a))).isSameAs(a);
  }

  @Test
  void theChoiceDoesNotDependOnTheOrderOfCandidates() {
    List<Profile> candidates =
        new ArrayList<>(
            List.of(
                profile("p3", day(1), anon("x")),
                profile("p2", day(3), user("u")),
                profile("p1", day(3), user("v")),
                profile("p0", day(0), anon("y")),
                profile("p4", day(2), user("w"))));
    for (int i = 0; i < 20; i++) {
      Collections.shuffle(candidates, new Random(i));
      assertThat(SurvivorRule.choose(candidates).id()).as("order %s", candidates).isEqualTo("p4");
    }
  }
}
