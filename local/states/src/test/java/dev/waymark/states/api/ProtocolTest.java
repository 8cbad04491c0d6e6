package dev.waymark.states.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.states.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The wire protocol itself: awsJson1_0 framing, content type, error bodies, epoch-second
 * timestamps.
 */
class ProtocolTest {
  @RegisterExtension static final SfnEndpoint EP = new SfnEndpoint();

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> post(String target, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(EP.server.endpoint() + "/"))
            .header("Content-Type", "application/x-amz-json-1.0")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (target != null) {
      b.header("X-Amz-Target", target);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void successIsJsonWithEpochSecondTimestamps() throws Exception {
    var request =
        Json.object()
            .put("name", "wire")
            .put("roleArn", "arn:aws:iam::1:role/r")
            .put(
                "definition", SfnEndpoint.asl("{'StartAt':'P','States':{'P':{'Type':'Succeed'}}}"));
    var r = post("AWSStepFunctions.CreateStateMachine", Json.write(request));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
    assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
    var body = Json.parse(r.body());
    assertThat(body.path("creationDate").isNumber()).isTrue();
    assertThat(body.path("creationDate").asDouble()).isGreaterThan(1.6e9);
  }

  @Test
  void errorsCarryTheirTypeAndMessage() throws Exception {
    var r =
        post(
            "AWSStepFunctions.DescribeExecution",
            "{\"executionArn\":\"arn:aws:states:us-east-1:123456789012:execution:m:nope\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    var body = Json.parse(r.body());
    assertThat(body.path("__type").asText()).isEqualTo("ExecutionDoesNotExist");
    assertThat(body.path("message").asText()).contains("nope");
  }

  @Test
  void unknownOperationsMissingTargetsAndMalformedBodiesAreRejected() throws Exception {
    assertThat(Json.parse(post("AWSStepFunctions.Frobnicate", "{}").body()).path("__type").asText())
        .isEqualTo("UnknownOperationException");
    assertThat(post(null, "{}").statusCode()).isEqualTo(400);
    var malformed = post("AWSStepFunctions.ListStateMachines", "{oops");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(Json.parse(malformed.body()).path("__type").asText())
        .isEqualTo("SerializationException");
  }
}
