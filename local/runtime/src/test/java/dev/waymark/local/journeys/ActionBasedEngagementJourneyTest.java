package dev.waymark.local.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.local.aws.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seed 004's action-based engagement journey, through the HTTP API on the virtual clock. */
class ActionBasedEngagementJourneyTest {
  static final Instant TUESDAY_9AM = Instant.parse("2026-11-24T09:00:00Z");
  static final String ADA = "{\"email\":\"ada@example.com\",\"firstName\":\"Ada\"}";

  @Test
  void performedPathSendsTheOfferThenTheLastChanceThreeDaysLater() throws Exception {
    try (JourneyScenario s = new JourneyScenario(TUESDAY_9AM)) {
      s.person("ada", ADA, "email");
      s.send("{\"type\":\"screen\",\"userId\":\"ada\",\"name\":\"Discounts\"}");
      assertThat(s.outboxFor("ada@example.com")).isEmpty();

      s.advance(Duration.ofHours(2));
      s.send("{\"type\":\"track\",\"userId\":\"ada\",\"event\":\"Add To Favorites\",\"properties\":{\"productId\":\"roof-box\"}}");
      List<Outbox.Message> sent = s.outboxFor("ada@example.com");
      assertThat(sent).singleElement().satisfies(m -> {
        assertThat(m.subject()).isEqualTo("Ada, your favourite is waiting - 10% off this week");
        assertThat(m.step()).isEqualTo("favorite-offer");
        assertThat(m.journey()).isEqualTo("action-based-engagement");
        assertThat(m.at()).isEqualTo(TUESDAY_9AM.plus(Duration.ofHours(2)));
        assertThat(m.headers().get("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
      });

      s.advance(Duration.ofDays(3));
      assertThat(s.outboxFor("ada@example.com")).extracting(Outbox.Message::step)
          .containsExactly("favorite-offer", "last-chance");
      assertThat(s.outboxFor("ada@example.com").get(1).at()).isEqualTo(TUESDAY_9AM.plus(Duration.ofHours(2)).plus(Duration.ofDays(3)));
    }
  }
}
