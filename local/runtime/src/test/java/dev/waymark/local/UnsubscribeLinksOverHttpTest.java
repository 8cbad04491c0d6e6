package dev.waymark.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.core.message.Channel;
import dev.waymark.core.profile.ConsentChannel;
import dev.waymark.core.secret.KeyRing;
import dev.waymark.core.secret.SignedTokens;
import dev.waymark.core.secret.SigningKeys;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The public unsubscribe route over the local HTTP server, served by UnsubscribeFunction's handler
 * with the runtime's own random signing key: a link works until its 90 days are up; a link signed
 * with any other key (such as the old fixed local secret) never does.
 */
class UnsubscribeLinksOverHttpTest extends LocalRuntimeFixture {

  @Test
  void aLinkUnsubscribesUntilItExpiresAndOnlyTheRuntimesKeySignsOne() {
    api.sendEvents(
        "{\"batch\":[{\"type\":\"identify\",\"messageId\":\"u1\",\"userId\":\"dana\","
            + "\"traits\":{\"email\":\"dana@example.com\"}}]}");
    runtime.awaitProcessed();
    String profileId = api.get("/v1/profiles?userId=dana").body().path("profileId").asText();
    var links = runtime.journeyServices().unsubscribe();
    String offers = links.token(profileId, Channel.email, "offers");
    String news = links.token(profileId, Channel.email, "news");

    LocalApi.Answer done = api.post("/v1/unsubscribe?token=" + offers, "");
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.body().path("topic").asText()).isEqualTo("offers");
    assertThat(
            runtime
                .services()
                .profiles()
                .resolve(profileId)
                .orElseThrow()
                .consents()
                .allows(ConsentChannel.EMAIL, "offers"))
        .isFalse();

    String otherKey =
        new SignedTokens(KeyRing.fixed(SigningKeys.random()), runtime.clock())
            .sign(
                "unsubscribe",
                profileId + "|email|news",
                runtime.clock().instant().plusSeconds(60));
    LocalApi.Answer forged = api.get("/v1/unsubscribe?token=" + otherKey);
    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.contentType()).startsWith("application/problem+json");
    assertThat(forged.body().path("detail").asText())
        .isEqualTo("token: not an unsubscribe token Waymark issued");

    runtime.advance(Duration.ofDays(90));
    LocalApi.Answer late = api.get("/v1/unsubscribe?token=" + news);
    assertThat(late.status()).isEqualTo(400);
    assertThat(late.contentType()).startsWith("application/problem+json");
    assertThat(late.body().path("detail").asText()).contains("expired").startsWith("token:");
  }
}
