package dev.waymark.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** The local webhook sink, over HTTP as a journey's webhook step (or a developer) calls it. */
class WebhookSinkTest extends LocalRuntimeFixture {

  @Test
  void callsAreRecordedAnsweredAndListed() {
    LocalApi.Answer ok =
        api.send(
            HttpRequest.newBuilder(api.base().resolve("/_local/webhooks/crm/lease"))
                .header("Content-Type", "application/json")
                .header("Waymark-Step", "hook")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"s@example.com\"}")));
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.body().path("ok").asBoolean()).isTrue();

    LocalApi.Answer failing = api.put("/_local/webhooks/crm/fail?status=500", "{}");
    assertThat(failing.status()).isEqualTo(500);
    assertThat(failing.body().path("ok").asBoolean()).isFalse();

    LocalApi.Answer bad = api.post("/_local/webhooks/x?status=abc", "{}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().path("detail").asText()).startsWith("status:");

    JsonNode calls = api.get("/_local/webhooks").body().path("calls");
    assertThat(calls).hasSize(2);
    JsonNode first = calls.get(0);
    assertThat(first.path("method").asText()).isEqualTo("POST");
    assertThat(first.path("path").asText()).isEqualTo("/_local/webhooks/crm/lease");
    assertThat(first.path("body").asText()).isEqualTo("{\"email\":\"s@example.com\"}");
    assertThat(first.path("headers").path("waymark-step").asText()).isEqualTo("hook");
    assertThat(first.path("at").asText()).isEqualTo(runtime.clock().instant().toString());
    JsonNode second = calls.get(1);
    assertThat(second.path("method").asText()).isEqualTo("PUT");
    assertThat(second.path("query").asText()).isEqualTo("status=500");
    assertThat(second.path("status").asInt()).isEqualTo(500);

    assertThat(api.post("/_local/webhooks", "{}").status()).isEqualTo(405);
  }
}
