package dev.waymark.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.local.LocalApi;
import dev.waymark.local.LocalRuntime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real SDKs, as installed, pointed at the local runtime with only their host setting: identify,
 * track, page, screen, group and alias (anonymous first, then identified) must all be accepted and
 * land on one stitched profile with the client's event times. The runtime is started as {@code
 * ./waymark local} starts it: its clock follows real time.
 */
class SdkConformanceTest {
  static LocalRuntime runtime;
  static LocalApi api;

  @BeforeAll
  static void start() throws Exception {
    runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withPort(0));
    api = new LocalApi(runtime);
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"segment-node", "segment-python", "rudder-node"})
  void theSdksStoryLandsOnOneProfileAtTheClientsTimes(String sdk) throws Exception {
    assertThat(runtime.clockFollowsRealTime()).isTrue();
    String prefix = sdk + "-" + UUID.randomUUID().toString().substring(0, 8);
    Instant before = Instant.now().minusSeconds(1);
    SdkScripts.Run run =
        SdkScripts.run(sdk, runtime.baseUri().toString(), runtime.writeKey(), prefix);
    Instant after = Instant.now().plusSeconds(1);
    runtime.awaitProcessed();

    JsonNode profile = api.get("/v1/profiles?userId=" + prefix + "-user").body();
    String id = profile.path("profileId").asText();
    assertThat(api.get("/v1/profiles?anonymousId=" + prefix + "-anon").body().path("profileId"))
        .as("the anonymous visitor was stitched to the known customer")
        .hasToString('"' + id + '"');
    assertThat(api.get("/v1/profiles?anonymousId=" + prefix + "-crm").body().path("profileId"))
        .as("alias linked the previous id")
        .hasToString('"' + id + '"');
    assertThat(api.get("/v1/profiles?email=" + prefix + "@example.com").body().path("profileId"))
        .hasToString('"' + id + '"');
    JsonNode traits = profile.path("traits");
    assertThat(traits.path("firstName").asText()).isEqualTo("Ana");
    assertThat(traits.path("plan").asText()).as("a person trait").isEqualTo("lease");
    assertThat(traits.has("name")).as("group traits are not person traits").isFalse();
    assertThat(traits.has("account")).as("the account is not copied onto the person").isFalse();
    JsonNode account = profile.path("accounts").get(0);
    assertThat(account.path("id").asText()).isEqualTo(prefix + "-acme");
    assertThat(account.path("traits").path("plan").asText()).isEqualTo("enterprise");
    assertThat(account.path("traits").path("employees").asInt()).isEqualTo(120);
    JsonNode enterprise =
        api.post(
                "/v1/segments/preview",
                "{\"name\":\"Enterprise accounts\",\"rule\":{\"all\":["
                    + "{\"trait\":\"account.plan\",\"equals\":\"enterprise\"},"
                    + "{\"trait\":\"account.id\",\"equals\":\""
                    + prefix
                    + "-acme\"}]}}")
            .body();
    assertThat(enterprise.path("size").asInt()).as("group traits in a segment rule").isEqualTo(1);
    assertThat(enterprise.path("sample").get(0).asText()).isEqualTo(id);

    Map<String, Instant> landed = SdkScripts.timeline(api, id);
    assertThat(run.sent()).hasSize(7);
    for (JsonNode sent : run.sent()) {
      String messageId = sent.path("messageId").asText();
      assertThat(landed).as("timeline of " + sdk).containsKey(messageId);
      Instant at = landed.get(messageId);
      if (sent.path("at").isNull()) {
        assertThat(at).as(messageId + ", stamped by the SDK").isBetween(before, after);
      } else if (sdk.equals("rudder-node")) {
        // originalTimestamp corrected by the skew: receivedAt − (sentAt − originalTimestamp)
        assertThat(Duration.between(Instant.parse(sent.path("at").asText()), at).abs())
            .as(messageId)
            .isLessThan(Duration.ofSeconds(5));
      } else {
        assertThat(at).as(messageId).isEqualTo(Instant.parse(sent.path("at").asText()));
      }
    }
    assertThat(runtime.deadLetterCount()).isZero();
  }
}
