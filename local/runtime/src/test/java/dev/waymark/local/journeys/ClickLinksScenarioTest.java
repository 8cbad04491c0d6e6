package dev.waymark.local.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.click.ClickLinks;
import dev.waymark.core.secret.KeyRing;
import dev.waymark.core.secret.SignedTokens;
import dev.waymark.core.secret.SigningKeys;
import dev.waymark.local.LocalApi;
import dev.waymark.local.aws.Outbox;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Links that identify (docs/clicks.md), through the local runtime's HTTP API: the account
 * confirmation email of seed 000 has its link to the site rewritten into a click link; the click
 * records Message Clicked and redirects with the identity, which merges the browser's anonymous
 * profile when the site sends it back; forged, altered and expired tokens record nothing and
 * redirect without it; a target off the allow-list is a 400.
 */
class ClickLinksScenarioTest {
  static final Instant MONDAY_9AM = Instant.parse("2026-11-23T09:00:00Z");
  static final Pattern CLICK = Pattern.compile("ses:no-track href=\"([^\"]+/v1/c/[^\"]+)\"");
  JourneyScenario s;
  String sarah;

  @BeforeEach
  void signUp() throws Exception {
    s = new JourneyScenario(MONDAY_9AM);
    s.send(
        "{\"type\":\"page\",\"anonymousId\":\"laptop-1\",\"name\":\"E-V Model\",\"properties\":{}}");
    sarah = s.person("sarah", "{\"email\":\"sarah@example.com\",\"firstName\":\"Sarah\"}", "email");
    s.send("{\"type\":\"track\",\"userId\":\"sarah\",\"event\":\"Account Created\"}");
  }

  @AfterEach
  void stop() {
    s.close();
  }

  Outbox.Message mail() {
    return s.outboxFor("sarah@example.com").get(0);
  }

  String clickUrl() {
    Matcher m = CLICK.matcher(mail().html());
    assertThat(m.find()).as("a click link in " + mail().html()).isTrue();
    return m.group(1);
  }

  List<JsonNode> clicks() {
    List<JsonNode> found = new ArrayList<>();
    s.api
        .get("/v1/profiles/" + sarah + "/events?limit=100")
        .body()
        .path("events")
        .forEach(
            e -> {
              if (e.path("event").asText().equals("Message Clicked")) {
                found.add(e);
              }
            });
    return found;
  }

  /** What the site's page does with the wm_id it was given: sends it back with its next event. */
  int pageWithToken(String anonymousId, String tokenJson) {
    return s.api
        .sendEvents(
            "{\"batch\":[{\"type\":\"page\",\"messageId\":\"p-"
                + anonymousId
                + tokenJson.hashCode()
                + "\",\"anonymousId\":\""
                + anonymousId
                + "\",\"name\":\"Build your own\",\"context\":{\"waymarkToken\":"
                + tokenJson
                + "}}]}")
        .status();
  }

  static String identityOf(String location) {
    String query = location.substring(location.indexOf('?') + 1);
    for (String pair : query.split("&")) {
      if (pair.startsWith(ClickLinks.IDENTITY_PARAMETER + "=")) {
        return URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no wm_id in " + location);
  }

  @Test
  void aClickRecordsRedirectsWithTheIdentityAndTheSiteSendingItBackMergesTheBrowser() {
    Outbox.Message mail = mail();
    assertThat(mail.step()).isEqualTo("confirm-address");
    assertThat(mail.html())
        .as("the API's own links stay as they are")
        .contains("/v1/confirm?token=")
        .contains("/v1/unsubscribe?token=")
        .doesNotContain("href=\"https://carvelo.example.com/electric");

    LocalApi.Redirect click = s.api.open(clickUrl());
    assertThat(click.status()).isEqualTo(302);
    assertThat(click.location())
        .startsWith("https://carvelo.example.com/electric?utm_source=account-confirmation&wm_id=");
    s.runtime.awaitProcessed();
    assertThat(clicks()).hasSize(1);
    JsonNode properties = clicks().get(0).path("properties");
    assertThat(properties.path("journeyId").asText()).isEqualTo("account-confirmation");
    assertThat(properties.path("stepId").asText()).isEqualTo("confirm-address");
    assertThat(properties.path("runId").asText()).isEqualTo(mail.run());
    assertThat(properties.path("linkIndex").asInt()).isEqualTo(2);
    assertThat(properties.path("link").asText())
        .isEqualTo("https://carvelo.example.com/electric?utm_source=account-confirmation");

    String laptopBefore =
        s.api.get("/v1/profiles?anonymousId=laptop-1").body().path("profileId").asText();
    assertThat(laptopBefore).isNotEqualTo(sarah);
    assertThat(pageWithToken("laptop-1", "\"" + identityOf(click.location()) + "\""))
        .isEqualTo(202);
    s.runtime.awaitProcessed();
    JsonNode laptop = s.api.get("/v1/profiles?anonymousId=laptop-1").body();
    assertThat(laptop.path("profileId").asText()).isEqualTo(sarah);
    assertThat(laptop.path("mergedFrom").toString()).contains(laptopBefore);
  }

  @Test
  void forgedAlteredAndExpiredTokensRecordNothingAndRedirectWithoutAnIdentity() {
    String good = clickUrl().substring(clickUrl().indexOf("/v1/c/") + 6);
    String target = "https://carvelo.example.com/electric?utm_source=account-confirmation";
    String forged =
        new SignedTokens(KeyRing.fixed(SigningKeys.random()), s.runtime.clock())
            .sign(
                "click",
                sarah + "|account-confirmation|r|confirm-address|2|" + target,
                s.runtime.clock().instant().plusSeconds(3600));
    String[] parts = good.split("\\.");
    String altered = parts[0] + "." + parts[1] + "." + parts[2].substring(1) + "A";
    for (String token : List.of(forged, altered)) {
      LocalApi.Redirect answer = s.api.open("/v1/c/" + token);
      assertThat(answer.status()).as(token).isEqualTo(302);
      assertThat(answer.location()).isEqualTo(target);
    }
    s.advance(Duration.ofDays(91));
    LocalApi.Redirect expired = s.api.open("/v1/c/" + good);
    assertThat(expired.status()).isEqualTo(302);
    assertThat(expired.location()).isEqualTo(target);
    s.runtime.awaitProcessed();
    assertThat(clicks()).isEmpty();
  }

  @Test
  void aTargetOffTheAllowListIsAProblemNeverARedirect() {
    String signedOffList =
        s.runtime
            .journeyServices()
            .clicks()
            .clickUrl(new ClickLinks.Link(sarah, "j", "r", "s", 1, "https://evil.example.net/x"));
    String forgedOffList =
        new SignedTokens(KeyRing.fixed(SigningKeys.random()), s.runtime.clock())
            .sign(
                "click", sarah + "|j|r|s|1|https://evil.example.net/", Instant.MAX.minusSeconds(1));
    for (String url : List.of(signedOffList, "/v1/c/" + forgedOffList, "/v1/c/not-a-token")) {
      LocalApi.Redirect answer = s.api.open(url);
      assertThat(answer.status()).as(url).isEqualTo(400);
      assertThat(answer.location()).isNull();
      assertThat(answer.body().path("detail").asText()).startsWith("token:");
    }
    s.runtime.awaitProcessed();
    assertThat(clicks()).isEmpty();
  }

  @Test
  void anInvalidOrLateIdentityIsIgnoredButTheEventIsAccepted() {
    String identity = identityOf(s.api.open(clickUrl()).location());
    s.advance(ClickLinks.IDENTITY_LIFETIME.plusMinutes(1));
    assertThat(pageWithToken("laptop-1", "\"" + identity + "\"")).isEqualTo(202);
    assertThat(pageWithToken("laptop-1", "\"forged.token.value\"")).isEqualTo(202);
    assertThat(pageWithToken("laptop-1", "42")).isEqualTo(202);
    s.runtime.awaitProcessed();
    assertThat(s.api.get("/v1/profiles?anonymousId=laptop-1").body().path("profileId").asText())
        .isNotEqualTo(sarah);
  }

  @Test
  void theIdentityNeverMergesABrowserThatIsSomeoneElsesKnownProfile() {
    String identity = identityOf(s.api.open(clickUrl()).location());
    s.person("tom", "{\"email\":\"tom@example.com\"}");
    s.send("{\"type\":\"identify\",\"userId\":\"tom\",\"anonymousId\":\"toms-laptop\"}");
    assertThat(pageWithToken("toms-laptop", "\"" + identity + "\"")).isEqualTo(202);
    s.runtime.awaitProcessed();
    assertThat(s.api.get("/v1/profiles?anonymousId=toms-laptop").body().path("profileId").asText())
        .isEqualTo(s.profileId("tom"));
    // an event that names a known identity itself: its identity decides, not the token
    s.send(
        "{\"type\":\"track\",\"userId\":\"stranger\",\"event\":\"Viewed\",\"context\":{\"waymarkToken\":\""
            + identity
            + "\"}}");
    assertThat(s.profileId("stranger")).isNotEqualTo(sarah);
  }
}
