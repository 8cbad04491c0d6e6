package dev.waymark.core.profile;

import static dev.waymark.core.profile.TestProfiles.anon;
import static dev.waymark.core.profile.TestProfiles.day;
import static dev.waymark.core.profile.TestProfiles.profile;
import static dev.waymark.core.profile.TestProfiles.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.json.Json;
import dev.waymark.core.profile.ConsentDecision.ConsentStatus;
import org.junit.jupiter.api.Test;

class ProfileViewTest {

  private static ConsentDecision decision(ConsentStatus status, String source, int day) {
    return new ConsentDecision(status, source, day(day));
  }

  private final Profile sarah =
      profile("S", day(1), user("sarah"), anon("laptop"))
          .absorbing(profile("L", day(2), anon("phone")), day(3))
          .withTraits(
              Traits.empty().applying(Json.parseObject("{\"plan\":\"gold\"}"), day(3)), day(4))
          .withConsents(
              Consents.none()
                  .with(ConsentChannel.EMAIL, "offers", decision(ConsentStatus.denied, "link", 2))
                  .with(ConsentChannel.EMAIL, null, decision(ConsentStatus.granted, "form", 1))
                  .with(ConsentChannel.SMS, "alerts", decision(ConsentStatus.granted, "app", 3)),
              day(5));

  @Test
  void showsTheProfileWithIdentitiesTraitsAndHistory() {
    ObjectNode view = ProfileView.of(sarah, null);
    assertThat(view.path("profileId").asText()).isEqualTo("S");
    assertThat(view.path("identities"))
        .isEqualTo(
            Json.parse(
                """
        [{"namespace":"anonymousId","value":"laptop"},{"namespace":"anonymousId","value":"phone"},
         {"namespace":"userId","value":"sarah"}]"""));
    assertThat(view.path("traits")).isEqualTo(Json.parse("{\"plan\":\"gold\"}"));
    assertThat(view.path("mergedFrom")).isEqualTo(Json.parse("[\"L\"]"));
    assertThat(view.path("createdAt").asText()).isEqualTo(day(1).toString());
    assertThat(view.path("updatedAt").asText()).isEqualTo(day(5).toString());
    assertThat(view.has("redirectedFrom")).isFalse();
  }

  @Test
  void groupsConsentsByChannelWithTheirTopics() {
    ObjectNode consents = (ObjectNode) ProfileView.of(sarah, null).path("consents");
    assertThat(consents)
        .isEqualTo(
            Json.parse(
                """
        {"email":{"status":"granted","source":"form","updatedAt":"%s",
                  "topics":{"offers":{"status":"denied","source":"link","updatedAt":"%s"}}},
         "sms":{"topics":{"alerts":{"status":"granted","source":"app","updatedAt":"%s"}}}}"""
                    .formatted(day(1), day(2), day(3))));
  }

  @Test
  void namesTheIdAProfileWasReachedThrough() {
    assertThat(ProfileView.of(sarah, "L").path("redirectedFrom").asText()).isEqualTo("L");
  }
}
