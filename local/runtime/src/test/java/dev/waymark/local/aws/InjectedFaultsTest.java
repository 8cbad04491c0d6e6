package dev.waymark.local.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.core.json.Json;
import dev.waymark.local.faults.FaultPlan;
import dev.waymark.local.faults.Faults;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * SES and SNS faults over the local messaging endpoint: answered as the services answer a throttled
 * request or an internal error, and nothing reaches the outbox; without faults the message does.
 */
class InjectedFaultsTest {
  static final String EMAIL =
      "{\"Destination\":{\"ToAddresses\":[\"a@example.com\"]},"
          + "\"Content\":{\"Simple\":{\"Subject\":{\"Data\":\"s\"},\"Body\":{\"Text\":{\"Data\":\"b\"}}}}}";

  @Test
  void throttledAndFailedCallsLeaveTheOutboxEmpty() throws Exception {
    Outbox outbox = new Outbox(Clock.systemUTC());
    Faults faults = new Faults();
    try (LocalAwsServer server = new LocalAwsServer(outbox, (m, f) -> {}, faults)) {
      faults.set(
          FaultPlan.parse(
              Json.parse("{\"ses\":{\"throttleRate\":1.0},\"sns\":{\"errorRate\":1.0}}")));
      HttpResponse<String> ses =
          post(server.endpoint().resolve("/v2/email/outbound-emails"), EMAIL);
      assertThat(ses.statusCode()).isEqualTo(429);
      assertThat(ses.body()).contains("TooManyRequestsException");
      HttpResponse<String> sns =
          post(
              server.endpoint().resolve("/"),
              "Action=Publish&PhoneNumber=%2B48500100200&Message=hi");
      assertThat(sns.statusCode()).isEqualTo(500);
      assertThat(sns.body()).contains("<Code>InternalError</Code>");
      assertThat(outbox.messages()).isEmpty();

      faults.set(FaultPlan.none());
      assertThat(post(server.endpoint().resolve("/v2/email/outbound-emails"), EMAIL).statusCode())
          .isEqualTo(200);
      assertThat(outbox.messages()).hasSize(1);
    }
  }

  static HttpResponse<String> post(URI uri, String body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
