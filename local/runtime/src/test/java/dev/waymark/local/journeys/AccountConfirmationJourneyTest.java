package dev.waymark.local.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.local.LocalApi;
import dev.waymark.local.aws.Outbox;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Seed 000's confirmation email, through the HTTP API: creating an account sends it at once; its
 * signed link confirms the address in one click (Email Confirmed, trait emailConfirmed, the goal
 * ends the run); a second click confirms nothing more; nobody can send Email Confirmed with a write
 * key, nor confirm with a made-up or altered link.
 */
class AccountConfirmationJourneyTest {
  static final Instant SUNDAY_NIGHT = Instant.parse("2026-11-22T23:10:00Z");
  static final Pattern CONFIRM = Pattern.compile("href=\"([^\"]+/v1/confirm\\?token=[^\"]+)\"");

  @Test
  void oneClickConfirmsTheAddressOnceAndOnlyTheSignedLinkCan() throws Exception {
    try (JourneyScenario s = new JourneyScenario(SUNDAY_NIGHT)) {
      String id =
          s.person("sarah", "{\"email\":\"Sarah@Example.com\",\"firstName\":\"Sarah\"}", "email");
      s.send("{\"type\":\"track\",\"userId\":\"sarah\",\"event\":\"Account Created\"}");
      Outbox.Message mail = s.outboxFor("sarah@example.com").get(0);
      assertThat(mail.at()).as("at once, even at night").isEqualTo(SUNDAY_NIGHT);
      assertThat(mail.subject())
          .isEqualTo("Welcome to Carvelo, Sarah - please confirm your email address");
      Matcher link = CONFIRM.matcher(mail.html());
      assertThat(link.find()).isTrue();
      assertThat(mail.body()).contains(link.group(1));

      LocalApi.Redirect first = s.api.open(link.group(1));
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.body().path("confirmed").asBoolean()).isTrue();
      assertThat(first.body().path("alreadyConfirmed").asBoolean()).isFalse();
      s.runtime.awaitProcessed();
      JsonNode profile = s.api.get("/v1/profiles/" + id).body();
      assertThat(profile.path("traits").path("emailConfirmed").asBoolean()).isTrue();
      assertThat(s.trace("sarah")).contains("goal:reached");

      LocalApi.Redirect second = s.api.open(link.group(1));
      assertThat(second.status()).isEqualTo(200);
      assertThat(second.body().path("alreadyConfirmed").asBoolean()).isTrue();
      s.runtime.awaitProcessed();
      assertThat(
              s.api
                  .get("/v1/profiles/" + id + "/events?limit=100")
                  .body()
                  .path("events")
                  .findValues("event"))
          .extracting(JsonNode::asText)
          .filteredOn("Email Confirmed"::equals)
          .hasSize(1);

      String token = link.group(1).substring(link.group(1).indexOf("token=") + 6);
      for (String bad : new String[] {token.substring(0, token.length() - 2) + "xx", "made-up"}) {
        LocalApi.Redirect refused = s.api.open("/v1/confirm?token=" + bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("detail").asText())
            .isEqualTo("token: not a confirmation link Waymark issued");
      }
      LocalApi.Answer faked =
          s.api.sendEvents(
              "{\"batch\":[{\"type\":\"track\",\"messageId\":\"fake\",\"userId\":\"sarah\",\"event\":\"Email Confirmed\"}]}");
      assertThat(faked.status()).isEqualTo(400);
      assertThat(faked.body().toString()).contains("/batch/0/event", "reserved");
    }
  }
}
