package dev.waymark.functions.journeytasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.waymark.aws.steps.HttpWebhookClient;
import dev.waymark.core.journey.steps.Webhooks;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook action against a real HTTP server on 127.0.0.1 that answers scripted statuses. */
class WebhookStepTest extends JourneyTaskFixture {
  record Received(String method, String path, Map<String, List<String>> headers, String body) {}

  HttpServer server;
  final List<Received> received = new CopyOnWriteArrayList<>();
  final Deque<Integer> statuses = new ArrayDeque<>();

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              new Received(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getPath(),
                  Map.copyOf(exchange.getRequestHeaders()),
                  body));
          int status;
          synchronized (statuses) {
            status = statuses.isEmpty() ? 200 : statuses.poll();
          }
          byte[] answer =
              (status == 200 ? "{\"contactId\":\"c-42\"}" : "{\"error\":\"down\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
    storeSecret("lease-renewal", "whsec-test");
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  Map<String, Object> webhook(int retries) {
    Map<String, Object> p = payload("webhook", "run-1", "hook");
    p.put("method", "POST");
    p.put("url", "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/lease");
    p.put("headers", Map.of("X-Source", "waymark"));
    p.put(
        "body",
        "{\"email\":\"{{ profile.traits.email }}\",\"price\":{{ event.properties.price }}}");
    p.put("timeoutSeconds", 5);
    p.put("retries", retries);
    return p;
  }

  static String header(Received r, String name) {
    return r.headers().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .findFirst()
        .map(e -> e.getValue().get(0))
        .orElse(null);
  }

  @Test
  void theCallIsRenderedSignedAndItsJsonAnswerReturned() {
    Map<String, Object> answer = handler().handleRequest(webhook(0), null);
    assertThat(answer)
        .containsEntry("status", 200)
        .containsEntry("body", Map.of("contactId", "c-42"));
    assertThat(received).hasSize(1);
    Received r = received.get(0);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/hooks/lease");
    assertThat(r.body()).isEqualTo("{\"email\":\"sarah@example.com\",\"price\":150}");
    assertThat(header(r, "X-Source")).isEqualTo("waymark");
    assertThat(header(r, "Content-Type")).isEqualTo("application/json");
    assertThat(header(r, "Waymark-Journey")).isEqualTo("lease-renewal");
    assertThat(header(r, "Waymark-Run")).isEqualTo("run-1");
    assertThat(header(r, "Waymark-Step")).isEqualTo("hook");
    assertThat(header(r, "Idempotency-Key")).isEqualTo("run-1:hook");
    long t = NOW.getEpochSecond();
    // the receiver's check, with the secret it was given at publish
    assertThat(header(r, "Waymark-Signature"))
        .isEqualTo("t=" + t + ",v1=" + hmacHex("whsec-test", t + "." + r.body()));
  }

  /** HMAC-SHA256 as a receiver computes it, independently of Webhooks.sign. */
  static String hmacHex(String secret, String signed) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(
          new javax.crypto.spec.SecretKeySpec(
              secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      StringBuilder hex = new StringBuilder();
      for (byte b : mac.doFinal(signed.getBytes(StandardCharsets.UTF_8))) {
        hex.append(String.format("%02x", b));
      }
      return hex.toString();
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void textsAreEscapedSoTheJsonBodyStaysValid() throws Exception {
    String note = "Sal said \"hi\" \\ then\nleft";
    Map<String, Object> p = webhook(0);
    p.put("entry", Map.of("event", "Quote Requested", "properties", Map.of("note", note)));
    p.put("body", "{\"note\":\"{{ event.properties.note }}\"}");
    handler().handleRequest(p, null);
    assertThat(dev.waymark.core.json.Json.parse(received.get(0).body()).path("note").asText())
        .isEqualTo(note);
  }

  @Test
  void serverErrorsAreRetriedWithBackoffUntilA2xx() {
    statuses.addAll(List.of(503, 500));
    assertThat(handler().handleRequest(webhook(2), null)).containsEntry("status", 200);
    assertThat(received).hasSize(3);
    assertThat(received).extracting(r -> header(r, "Idempotency-Key")).containsOnly("run-1:hook");
    assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void noSuccessAfterTheRetriesFailsWithWaymarkWebhookFailedAndNoBody() {
    statuses.addAll(List.of(500, 500, 500));
    assertThatThrownBy(() -> handler().handleRequest(webhook(2), null))
        .isInstanceOf(Waymark.WebhookFailed.class)
        .hasMessageContaining("answered 500")
        .hasMessageContaining("3 attempts")
        .hasMessageNotContaining("down")
        .hasMessageNotContaining("sarah");
    // what Lambda's Java runtime reports as the errorType, and Step Functions as the error name
    assertThat(Waymark.WebhookFailed.class.getName()).isEqualTo("Waymark.WebhookFailed");
    assertThat(received).hasSize(3);
  }

  @Test
  void aClientErrorIsFinal() {
    statuses.add(404);
    assertThatThrownBy(() -> handler().handleRequest(webhook(3), null))
        .isInstanceOf(Waymark.WebhookFailed.class)
        .hasMessageContaining("answered 404");
    assertThat(received).hasSize(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void aTimeoutIsRetried() {
    HttpWebhookClient real = HttpWebhookClient.create();
    int[] calls = {0};
    StepTaskHandler h =
        handler(
            request -> {
              if (calls[0]++ == 0) {
                throw new HttpTimeoutException("request timed out");
              }
              return real.call(request);
            });
    assertThat(h.handleRequest(webhook(1), null)).containsEntry("status", 200);
    assertThat(calls[0]).isEqualTo(2);
    assertThat(waits).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void refusedTargetsHeadersAndBodiesFailTheStepWithoutACall() {
    Map<String, Object> ftp = webhook(0);
    ftp.put("url", "ftp://127.0.0.1/x");
    assertThatThrownBy(() -> handler().handleRequest(ftp, null))
        .isInstanceOf(Waymark.WebhookFailed.class)
        .hasMessageContaining("https");
    Map<String, Object> spoof = webhook(0);
    spoof.put("headers", Map.of("Waymark-Signature", "t=1,v1=00"));
    assertThatThrownBy(() -> handler().handleRequest(spoof, null))
        .isInstanceOf(Waymark.WebhookFailed.class)
        .hasMessageContaining("set by Waymark");
    Map<String, Object> unknown = webhook(0);
    unknown.put("body", "{\"x\":\"{{ profile.traits.shoeSize }}\"}");
    assertThatThrownBy(() -> handler().handleRequest(unknown, null))
        .isInstanceOf(Waymark.WebhookFailed.class)
        .hasMessageContaining("shoeSize");
    Map<String, Object> slow = webhook(0);
    slow.put("timeoutSeconds", 31);
    assertThatThrownBy(() -> handler().handleRequest(slow, null))
        .hasMessageStartingWith("timeoutSeconds:");
    assertThat(received).isEmpty();
  }

  @Test
  void aJourneyWithoutASecretIsNotCalled() {
    Map<String, Object> p = webhook(0);
    p.put("journeyId", "never-published");
    assertThatThrownBy(() -> handler().handleRequest(p, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no webhook secret");
    assertThat(received).isEmpty();
    assertThat(Webhooks.sign("k", "1.{}")).hasSize(64);
  }
}
