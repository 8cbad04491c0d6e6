package dev.waymark.core.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.core.message.Channel;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.secret.KeyRing;
import dev.waymark.core.secret.SignedTokens;
import dev.waymark.core.secret.SigningKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UnsubscribeLinksTest {
  static final Instant SENT = Instant.parse("2026-11-30T10:00:00Z");
  final KeyRing keys = KeyRing.fixed(SigningKeys.random());

  UnsubscribeLinks at(Instant now) {
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    return new UnsubscribeLinks(
        "https://api.example.com/", new SignedTokens(keys, clock), Duration.ofDays(90), clock);
  }

  @Test
  void aLinkNamesThePersonChannelAndTopicUntilItsLifetimeEnds() {
    String url = at(SENT).url("p-1", Channel.email, "offers");
    String token = url.substring(url.indexOf("token=") + 6);

    assertThat(url).startsWith("https://api.example.com/v1/unsubscribe?token=");
    assertThat(at(SENT.plus(Duration.ofDays(89))).subscription(token))
        .isEqualTo(new UnsubscribeLinks.Subscription("p-1", Channel.email, "offers"));
    assertThat(at(SENT).subscription(at(SENT).token("p-1", Channel.sms, null)).topic()).isNull();
    assertThatThrownBy(() -> at(SENT.plus(Duration.ofDays(90))).subscription(token))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(400);
              assertThat(e.getMessage()).contains("expired").contains("90 days");
            });
  }

  @Test
  void aTokenFromAnotherKeyOrPurposeIsRefusedNamingTheToken() {
    Clock clock = Clock.fixed(SENT, ZoneOffset.UTC);
    SignedTokens otherKey = new SignedTokens(KeyRing.fixed(SigningKeys.random()), clock);
    SignedTokens sameKey = new SignedTokens(keys, clock);
    for (String bad :
        new String[] {
          otherKey.sign("unsubscribe", "p-1|email|", SENT.plusSeconds(60)),
          sameKey.sign("click", "p-1|email|", SENT.plusSeconds(60)),
          sameKey.sign("unsubscribe", "p-1|fax|", SENT.plusSeconds(60)),
          sameKey.sign("unsubscribe", "p-1", SENT.plusSeconds(60)),
          "local-only-secret"
        }) {
      assertThatThrownBy(() -> at(SENT).subscription(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              ProblemException.class,
              e ->
                  assertThat(e.getMessage())
                      .isEqualTo("token: not an unsubscribe token Waymark issued"));
    }
  }
}
