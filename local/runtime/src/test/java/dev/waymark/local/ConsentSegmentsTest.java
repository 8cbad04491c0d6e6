package dev.waymark.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.message.Channel;
import org.junit.jupiter.api.Test;

/**
 * A consent change alone moves a person in and out of the segments that read consents (the shipped
 * {@code email-reachable}: a valid address and email consent), through the {@code Consent Changed}
 * event the profile route and the unsubscribe link put into the inbox — no other event of the
 * person is needed.
 */
class ConsentSegmentsTest extends LocalRuntimeFixture {

  @Test
  void grantingAndWithdrawingConsentMovesThePersonInAndOutAtOnce() {
    api.sendEvents(
        "{\"batch\":[{\"type\":\"identify\",\"messageId\":\"c1\",\"userId\":\"maya\","
            + "\"traits\":{\"email\":\"maya@example.com\"}}]}");
    runtime.awaitProcessed();
    String id = api.get("/v1/profiles?userId=maya").body().path("profileId").asText();
    assertThat(member(id)).isFalse();

    LocalApi.Answer granted =
        api.put(
            "/v1/profiles/" + id + "/consents",
            "{\"consents\":[{\"channel\":\"email\",\"status\":\"granted\","
                + "\"source\":\"preference-centre\"}]}");
    assertThat(granted.status()).isEqualTo(200);
    runtime.awaitProcessed();
    assertThat(member(id)).isTrue();
    assertThat(timelineNames(id)).contains("Consent Changed", "Segment Entered");

    String token = runtime.journeyServices().unsubscribe().token(id, Channel.email, null);
    assertThat(api.post("/v1/unsubscribe?token=" + token, "").status()).isEqualTo(200);
    runtime.awaitProcessed();
    assertThat(member(id)).isFalse();
  }

  @Test
  void aRetriedConsentRequestIsOneAnnouncement() {
    api.sendEvents(
        "{\"batch\":[{\"type\":\"identify\",\"messageId\":\"c2\",\"userId\":\"ola\","
            + "\"traits\":{\"email\":\"ola@example.com\"}}]}");
    runtime.awaitProcessed();
    String id = api.get("/v1/profiles?userId=ola").body().path("profileId").asText();
    String body =
        "{\"consents\":[{\"channel\":\"email\",\"status\":\"granted\","
            + "\"source\":\"crm\",\"at\":\"2026-01-02T10:00:00Z\"}]}";
    assertThat(api.put("/v1/profiles/" + id + "/consents", body).status()).isEqualTo(200);
    assertThat(api.put("/v1/profiles/" + id + "/consents", body).status()).isEqualTo(200);
    runtime.awaitProcessed();
    assertThat(timelineNames(id).stream().filter("Consent Changed"::equals)).hasSize(1);
    assertThat(member(id)).isTrue();
  }

  private boolean member(String id) {
    for (JsonNode m : api.get("/v1/profiles/" + id + "/segments").body().path("segments")) {
      if (m.path("segmentId").asText().equals("email-reachable")) {
        return m.path("member").asBoolean();
      }
    }
    return false;
  }

  private java.util.List<String> timelineNames(String id) {
    java.util.List<String> names = new java.util.ArrayList<>();
    for (JsonNode e : api.get("/v1/profiles/" + id + "/events?limit=100").body().path("events")) {
      names.add(e.path("event").asText());
    }
    return names;
  }
}
