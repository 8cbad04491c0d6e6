package dev.waymark.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Through the local runtime's HTTP API, as a website and an admin tool use it. */
class LocalApiEndToEndTest extends LocalRuntimeFixture {

  @Test
  void anonymousBrowsingThenIdentifyGivesOneProfileWithAllEvents() {
    LocalApi.Answer views =
        api.sendEvents(
            """
        {"batch":[
          {"type":"page","messageId":"e2e-p1","anonymousId":"sarah-laptop","name":"Electric Models","identities":{"ecid":"ECID-1"},"timestamp":"2026-11-24T07:00:00Z"},
          {"type":"page","messageId":"e2e-p2","anonymousId":"sarah-laptop","name":"E-V Model","properties":{"model":"E-V"},"timestamp":"2026-11-24T07:01:00Z"}]}""");
    assertThat(views.status()).isEqualTo(202);
    assertThat(views.body().path("results"))
        .extracting(r -> r.path("status").asText())
        .containsExactly("accepted", "accepted");

    LocalApi.Answer identify =
        api.sendEvents(
            """
        {"batch":[{"type":"identify","messageId":"e2e-i1","anonymousId":"sarah-laptop","userId":"crm-42",
                   "traits":{"email":"sarah@example.com","firstName":"Sarah","leaseEnd":"2027-02-22"},"timestamp":"2026-11-24T07:05:00Z"}]}""");
    assertThat(identify.status()).isEqualTo(202);
    runtime.awaitProcessed();

    LocalApi.Answer profile = api.get("/v1/profiles?email=sarah@example.com");
    assertThat(profile.status()).isEqualTo(200);
    assertThat(profile.body().path("traits").path("firstName").asText()).isEqualTo("Sarah");
    assertThat(profile.body().path("identities"))
        .extracting(i -> i.path("namespace").asText() + ":" + i.path("value").asText())
        .containsExactlyInAnyOrder(
            "anonymousId:sarah-laptop", "ecid:ECID-1", "email:sarah@example.com", "userId:crm-42");
    String id = profile.body().path("profileId").asText();
    assertThat(api.get("/v1/profiles?ecid=ECID-1").body().path("profileId").asText()).isEqualTo(id);

    LocalApi.Answer timeline = api.get("/v1/profiles/" + id + "/events");
    assertThat(timeline.body().path("events"))
        .filteredOn(e -> !e.path("event").asText().startsWith("Segment "))
        .extracting(e -> e.path("messageId").asText())
        .containsExactly("e2e-i1", "e2e-p2", "e2e-p1");
  }

  @Test
  void twoDevicesOfOnePersonMergeWhenSheSignsInOnBoth() {
    api.sendEvents(
        "{\"batch\":[{\"type\":\"screen\",\"messageId\":\"m-s1\",\"anonymousId\":\"phone-1\",\"name\":\"Discounts\"}]}");
    api.sendEvents(
        "{\"batch\":[{\"type\":\"page\",\"messageId\":\"m-w1\",\"anonymousId\":\"web-1\"}]}");
    runtime.awaitProcessed();
    String phoneProfile =
        api.get("/v1/profiles?anonymousId=phone-1").body().path("profileId").asText();
    String webProfile = api.get("/v1/profiles?anonymousId=web-1").body().path("profileId").asText();
    assertThat(phoneProfile).isNotEqualTo(webProfile);

    api.sendEvents(
        "{\"batch\":[{\"type\":\"identify\",\"messageId\":\"m-i1\",\"anonymousId\":\"phone-1\",\"identities\":{\"email\":\"ola@example.com\"}}]}");
    runtime.awaitProcessed();
    api.sendEvents(
        "{\"batch\":[{\"type\":\"identify\",\"messageId\":\"m-i2\",\"anonymousId\":\"web-1\",\"identities\":{\"email\":\"ola@example.com\"}}]}");
    runtime.awaitProcessed();

    JsonNode merged = api.get("/v1/profiles?email=ola@example.com").body();
    String survivor = merged.path("profileId").asText();
    assertThat(survivor).isEqualTo(phoneProfile);
    assertThat(merged.path("mergedFrom")).extracting(JsonNode::asText).containsExactly(webProfile);
    LocalApi.Answer redirected = api.get("/v1/profiles/" + webProfile);
    assertThat(redirected.body().path("profileId").asText()).isEqualTo(survivor);
    assertThat(redirected.body().path("redirectedFrom").asText()).isEqualTo(webProfile);
    List<String> events = new ArrayList<>();
    api.get("/v1/profiles/" + survivor + "/events")
        .body()
        .path("events")
        .forEach(e -> events.add(e.path("messageId").asText()));
    assertThat(events).containsExactlyInAnyOrder("m-s1", "m-w1", "m-i1", "m-i2");
  }

  @Test
  void aRepeatedMessageIdIsStoredOnce() {
    String batch =
        "{\"batch\":[{\"type\":\"track\",\"event\":\"Test Drive Booked\",\"messageId\":\"dup-1\",\"userId\":\"dup-user\"}]}";
    assertThat(api.sendEvents(batch).body().path("results").get(0).path("status").asText())
        .isEqualTo("accepted");
    assertThat(api.sendEvents(batch).body().path("results").get(0).path("status").asText())
        .isEqualTo("duplicate");
    runtime.awaitProcessed();
    String id = api.get("/v1/profiles?userId=dup-user").body().path("profileId").asText();
    assertThat(api.get("/v1/profiles/" + id + "/events").body().path("events")).hasSize(1);
  }

  @Test
  void eventsArePagedNewestFirst() {
    StringBuilder batch = new StringBuilder("{\"batch\":[");
    for (int i = 0; i < 5; i++) {
      batch
          .append(i == 0 ? "" : ",")
          .append("{\"type\":\"track\",\"event\":\"Viewed\",\"messageId\":\"page-")
          .append(i)
          .append("\",\"userId\":\"pager\",\"timestamp\":\"2026-11-2")
          .append(i)
          .append("T10:00:00Z\"}");
    }
    api.sendEvents(batch + "]}");
    runtime.awaitProcessed();
    String id = api.get("/v1/profiles?userId=pager").body().path("profileId").asText();
    JsonNode first = api.get("/v1/profiles/" + id + "/events?limit=3").body();
    assertThat(first.path("events"))
        .extracting(e -> e.path("messageId").asText())
        .containsExactly("page-4", "page-3", "page-2");
    JsonNode second =
        api.get(
                "/v1/profiles/"
                    + id
                    + "/events?limit=3&cursor="
                    + first.path("nextCursor").asText())
            .body();
    assertThat(second.path("events"))
        .extracting(e -> e.path("messageId").asText())
        .containsExactly("page-1", "page-0");
  }

  @Test
  void consentsAreRecordedPerChannelAndTopic() {
    api.sendEvents(
        "{\"batch\":[{\"type\":\"identify\",\"messageId\":\"c-1\",\"userId\":\"consenting\"}]}");
    runtime.awaitProcessed();
    String id = api.get("/v1/profiles?userId=consenting").body().path("profileId").asText();
    LocalApi.Answer updated =
        api.put(
            "/v1/profiles/" + id + "/consents",
            """
        {"consents":[{"channel":"email","status":"granted","source":"registration-form"},
                     {"channel":"email","topic":"offers","status":"denied","source":"preference-center"},
                     {"channel":"sms","status":"granted","source":"registration-form","at":"2026-11-20T10:00:00Z"}]}""");
    assertThat(updated.status()).isEqualTo(200);
    JsonNode consents = api.get("/v1/profiles/" + id).body().path("consents");
    assertThat(consents.path("email").path("status").asText()).isEqualTo("granted");
    assertThat(consents.path("email").path("topics").path("offers").path("status").asText())
        .isEqualTo("denied");
    assertThat(consents.path("sms").path("updatedAt").asText()).isEqualTo("2026-11-20T10:00:00Z");
    assertThat(consents.path("sms").path("source").asText()).isEqualTo("registration-form");
  }
}
