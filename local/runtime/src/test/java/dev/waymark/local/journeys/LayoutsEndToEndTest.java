package dev.waymark.local.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.local.LocalApi;
import dev.waymark.local.aws.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Layouts as data through the local runtime's HTTP API: the shipped brand layout is in the store at
 * start, and a new brand layout put over the API is what the next email of a running journey is
 * wrapped in — no redeploy, no republish (layouts apply at their latest version).
 */
class LayoutsEndToEndTest {
  static final Instant TUESDAY_9AM = Instant.parse("2026-11-24T09:00:00Z");
  static final String NEW_BRAND =
      "{\"html\":\"<div class='brand-2027'>Carvelo 2027</div>{{ content }}"
          + "<a href='{{ unsubscribeUrl }}'>Unsubscribe</a>\"}";
  JourneyScenario s;

  @BeforeEach
  void start() throws Exception {
    s = new JourneyScenario(TUESDAY_9AM);
  }

  @AfterEach
  void stop() {
    s.close();
  }

  @Test
  void aNewBrandLayoutWrapsTheNextEmailOfARunningJourney() {
    LocalApi.Answer shipped = s.api.get("/v1/layouts/brand");
    assertThat(shipped.status()).isEqualTo(200);
    assertThat(shipped.body().path("version").asInt()).isEqualTo(1);
    assertThat(s.api.get("/v1/layouts").body().path("layouts").findValuesAsText("id"))
        .containsExactly("brand");

    // Ada signs up: the confirmation request goes out in the shipped brand layout.
    String ada = s.person("ada", "{\"email\":\"ada@example.com\",\"firstName\":\"Ada\"}");
    s.api.put(
        "/v1/profiles/" + ada + "/consents",
        "{\"consents\":[{\"channel\":\"email\",\"topic\":\"service\",\"status\":\"granted\","
            + "\"source\":\"signup-form\"}]}");
    s.send("{\"type\":\"track\",\"userId\":\"ada\",\"event\":\"Signed Up\"}");
    Outbox.Message request = s.outboxFor("ada@example.com").get(0);
    assertThat(request.step()).isEqualTo("confirmation-request");
    assertThat(request.html()).contains("border-bottom: 2px solid #0a5cff", "Hi Ada");

    // A bad layout changes nothing; a good one is version 2.
    LocalApi.Answer bad = s.api.put("/v1/layouts/brand", "{\"html\":\"<div>no content</div>\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().path("errors").findValuesAsText("field")).containsExactly("/html");
    LocalApi.Answer put = s.api.put("/v1/layouts/brand", NEW_BRAND);
    assertThat(put.status()).isEqualTo(200);
    assertThat(put.body().path("version").asInt()).isEqualTo(2);

    // Two days without confirming: the reminder of the same run is wrapped in the new layout.
    s.advance(Duration.ofDays(3));
    List<Outbox.Message> sent = s.outboxFor("ada@example.com");
    assertThat(sent).extracting(Outbox.Message::step).contains("confirmation-reminder");
    Outbox.Message reminder =
        sent.stream().filter(m -> m.step().equals("confirmation-reminder")).findFirst().get();
    assertThat(reminder.html())
        .startsWith("<div class='brand-2027'>Carvelo 2027</div>")
        .contains("Ada", "<a href='http")
        .doesNotContain("#0a5cff");
    assertThat(request.html()).contains("#0a5cff"); // what was sent stays as it was
  }
}
