package dev.waymark.core.click;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.secret.KeyRing;
import dev.waymark.core.secret.SignedTokens;
import dev.waymark.core.secret.SigningKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ClickLinksTest {
  static final Instant SENT = Instant.parse("2026-11-30T10:00:00Z");
  static final RedirectHosts HOSTS = RedirectHosts.parse("carvelo.example.com, *.shop.example");
  static final LinkRewriter.Message MESSAGE =
      new LinkRewriter.Message("p-1", "lease-renewal", "run-1", "lease-offer");
  final KeyRing keys = KeyRing.fixed(SigningKeys.random());

  ClickLinks at(Instant now) {
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    return new ClickLinks(
        "https://api.example.com/",
        new SignedTokens(keys, clock),
        HOSTS,
        Duration.ofDays(90),
        clock);
  }

  static String token(String clickUrl) {
    return clickUrl.substring(clickUrl.indexOf("/v1/c/") + 6);
  }

  @Test
  void theAllowListTakesExactHostsAndSubdomainsOverHttpOnly() {
    assertThat(HOSTS.allows("https://carvelo.example.com/build?x=1")).isTrue();
    assertThat(HOSTS.allows("http://CARVELO.example.com")).isTrue();
    assertThat(HOSTS.allows("https://www.shop.example/")).isTrue();
    assertThat(HOSTS.allows("https://shop.example/")).as("not the parent itself").isFalse();
    assertThat(HOSTS.allows("https://evil.example.net/carvelo.example.com")).isFalse();
    assertThat(HOSTS.allows("https://carvelo.example.com.evil.net/")).isFalse();
    assertThat(HOSTS.allows("javascript://carvelo.example.com/%0aalert(1)")).isFalse();
    assertThat(HOSTS.allows("//carvelo.example.com/")).as("no scheme").isFalse();
    assertThat(HOSTS.allows("not a url")).isFalse();
    assertThat(RedirectHosts.parse("").allows("https://carvelo.example.com/")).isFalse();
  }

  @Test
  void onlyLinksToAllowedHostsAreRewrittenNeverTheApisOwn() {
    String html =
        "<p><a href=\"https://carvelo.example.com/build?a=1&amp;b=2\">Build</a>"
            + "<a class='x' href='https://elsewhere.example.org/'>Other</a>"
            + "<a href=\"https://api.example.com/v1/unsubscribe?token=t\">Unsubscribe</a>"
            + "<a href=\"mailto:help@carvelo.example.com\">Mail</a>"
            + "<A HREF=\"https://www.shop.example/p\">Shop</A></p>";

    String rewritten = LinkRewriter.rewrite(html, MESSAGE, at(SENT));

    Matcher clicks =
        Pattern.compile("<a ses:no-track href=\"(https://api.example.com/v1/c/[^\"]+)\"")
            .matcher(rewritten);
    assertThat(clicks.find()).isTrue();
    assertThat(at(SENT).read(token(clicks.group(1))).link())
        .contains(
            new ClickLinks.Link(
                "p-1",
                "lease-renewal",
                "run-1",
                "lease-offer",
                1,
                "https://carvelo.example.com/build?a=1&b=2"));
    assertThat(rewritten)
        .contains("<a class='x' href='https://elsewhere.example.org/'>")
        .contains("href=\"https://api.example.com/v1/unsubscribe?token=t\"")
        .contains("href=\"mailto:help@carvelo.example.com\"")
        .doesNotContain("https://www.shop.example/p\"");
    Matcher fifth =
        Pattern.compile("<a ses:no-track HREF=\"(https://api\\S+/v1/c/[^\"]+)\"")
            .matcher(rewritten);
    assertThat(fifth.find()).isTrue();
    assertThat(at(SENT).read(token(fifth.group(1))).link().orElseThrow().index()).isEqualTo(5);
  }

  @Test
  void aForgedAlteredOrExpiredTokenNamesItsTargetButNobody() {
    String good =
        token(
            at(SENT)
                .clickUrl(
                    new ClickLinks.Link(
                        "p-1", "j", "r", "s", 1, "https://carvelo.example.com/build")));
    Clock clock = Clock.fixed(SENT, ZoneOffset.UTC);
    String forged =
        new SignedTokens(KeyRing.fixed(SigningKeys.random()), clock)
            .sign("click", "p-2|j|r|s|1|https://carvelo.example.com/x", SENT.plusSeconds(60));
    String[] parts = good.split("\\.");
    String altered = parts[0] + "." + parts[1] + "A." + parts[2];

    ClickLinks.Read expired = at(SENT.plus(Duration.ofDays(90))).read(good);
    assertThat(expired.link()).isEmpty();
    assertThat(expired.url()).contains("https://carvelo.example.com/build");
    assertThat(at(SENT).read(forged).link()).isEmpty();
    assertThat(at(SENT).read(forged).url()).contains("https://carvelo.example.com/x");
    assertThat(at(SENT).read(altered).link()).isEmpty();
    assertThat(at(SENT).read("garbage").url()).isEmpty();
    assertThat(at(SENT).read(good).link()).isPresent();
  }

  @Test
  void theIdentityIsShortLivedAndNoClickTokenIsOne() {
    String identity = at(SENT).identityToken("p-1");
    assertThat(at(SENT).identity(identity, SENT.plus(Duration.ofMinutes(29)))).contains("p-1");
    assertThat(at(SENT).identity(identity, SENT.plus(ClickLinks.IDENTITY_LIFETIME))).isEmpty();
    String click =
        token(at(SENT).clickUrl(new ClickLinks.Link("p-1", "j", "r", "s", 1, "https://x")));
    assertThat(at(SENT).identity(click, SENT)).isEmpty();
  }

  @Test
  void aConfirmationNamesThePersonAndAddressUntilItExpires() {
    String url = at(SENT).confirmUrl("p-1", "sarah@example.com");
    String token = url.substring(url.indexOf("token=") + 6);
    assertThat(url).startsWith("https://api.example.com/v1/confirm?token=");
    assertThat(at(SENT.plus(Duration.ofDays(89))).confirmation(token))
        .isEqualTo(new ClickLinks.Confirmation("p-1", "sarah@example.com"));
    assertThatThrownBy(() -> at(SENT.plus(Duration.ofDays(90))).confirmation(token))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("expired");
    assertThatThrownBy(() -> at(SENT).confirmation(at(SENT).identityToken("p-1")))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("not a confirmation link");
  }
}
