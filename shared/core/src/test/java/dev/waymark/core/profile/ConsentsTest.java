package dev.waymark.core.profile;

import static dev.waymark.core.profile.ConsentChannel.EMAIL;
import static dev.waymark.core.profile.ConsentChannel.SMS;
import static dev.waymark.core.profile.TestProfiles.day;
import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.core.profile.ConsentDecision.ConsentStatus;
import org.junit.jupiter.api.Test;

class ConsentsTest {

  private static ConsentDecision granted(int day) {
    return new ConsentDecision(ConsentStatus.granted, "form", day(day));
  }

  private static ConsentDecision denied(int day) {
    return new ConsentDecision(ConsentStatus.denied, "unsubscribe", day(day));
  }

  @Test
  void newerPicksTheLaterDecisionAndTheIncomingOneOnATie() {
    ConsentDecision early = granted(1);
    ConsentDecision late = denied(2);
    ConsentDecision sameTime = denied(1);
    assertThat(early.newer(late)).isSameAs(late);
    assertThat(late.newer(early)).isSameAs(late);
    assertThat(early.newer(sameTime)).isSameAs(sameTime);
    assertThat(early.newer(null)).isSameAs(early);
  }

  @Test
  void withRecordsANewerDecisionAndIgnoresAnOlderOne() {
    Consents granted = Consents.none().with(EMAIL, null, granted(2));
    assertThat(granted.allows(EMAIL, null)).isTrue();

    Consents afterOlderDenial = granted.with(EMAIL, null, denied(1));
    assertThat(afterOlderDenial.allows(EMAIL, null))
        .as("an older denial must not replace a newer grant")
        .isTrue();
    assertThat(afterOlderDenial.decisions().get("email")).isEqualTo(granted(2));

    Consents afterNewerDenial = granted.with(EMAIL, null, denied(3));
    assertThat(afterNewerDenial.allows(EMAIL, null)).isFalse();
    assertThat(granted.allows(EMAIL, null)).as("with() returns a new value").isTrue();
  }

  @Test
  void aDecisionMadeAtTheSameInstantAsTheKnownOneIsRecorded() {
    // with() "records a decision unless a newer one is already known": an equally old one is not
    // newer.
    // Otherwise an opt-out sent with the same (e.g. second-resolution) time as the opt-in is lost.
    Consents optedOut = Consents.none().with(EMAIL, null, granted(1)).with(EMAIL, null, denied(1));
    assertThat(optedOut.allows(EMAIL, null)).isFalse();
  }

  @Test
  void keysNameTheChannelAndTheTopic() {
    assertThat(Consents.key(EMAIL, null)).isEqualTo("email");
    assertThat(Consents.key(EMAIL, "")).isEqualTo("email");
    assertThat(Consents.key(SMS, "offers")).isEqualTo("sms/offers");
  }

  @Test
  void aTopicDecisionOverridesTheChannelDecisionForThatTopicOnly() {
    Consents consents =
        Consents.none()
            .with(EMAIL, null, granted(1))
            .with(EMAIL, "offers", denied(1))
            .with(SMS, null, denied(1))
            .with(SMS, "alerts", granted(1));
    assertThat(consents.allows(EMAIL, "offers")).isFalse();
    assertThat(consents.allows(EMAIL, "news"))
        .as("no topic decision: the channel decides")
        .isTrue();
    assertThat(consents.allows(EMAIL, null)).isTrue();
    assertThat(consents.allows(SMS, "alerts")).isTrue();
    assertThat(consents.allows(SMS, null)).isFalse();
  }

  @Test
  void noDecisionMeansNoConsent() {
    assertThat(Consents.none().allows(EMAIL, null)).isFalse();
    assertThat(Consents.none().allows(EMAIL, "news")).isFalse();
    Consents topicOnly = Consents.none().with(EMAIL, "news", granted(1));
    assertThat(topicOnly.allows(EMAIL, null)).as("a topic grant is not a channel grant").isFalse();
    assertThat(topicOnly.allows(EMAIL, "offers")).isFalse();
    assertThat(topicOnly.allows(SMS, "news")).isFalse();
  }

  @Test
  void mergedWithKeepsTheNewerDecisionPerKey() {
    Consents mine =
        Consents.none()
            .with(EMAIL, null, granted(5))
            .with(SMS, null, granted(1))
            .with(EMAIL, "offers", granted(3));
    Consents theirs =
        Consents.none()
            .with(EMAIL, null, denied(2))
            .with(SMS, null, denied(4))
            .with(EMAIL, "offers", denied(3))
            .with(EMAIL, "news", granted(1));

    Consents merged = mine.mergedWith(theirs);

    assertThat(merged.decisions()).containsOnlyKeys("email", "sms", "email/offers", "email/news");
    assertThat(merged.decisions().get("email")).isEqualTo(granted(5));
    assertThat(merged.decisions().get("sms")).isEqualTo(denied(4));
    assertThat(merged.decisions().get("email/offers"))
        .as("a tie keeps this side")
        .isEqualTo(granted(3));
    assertThat(merged.decisions().get("email/news")).isEqualTo(granted(1));
  }
}
