package dev.waymark.states.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waymark.states.clock.ClockMode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** The standalone server's options, banner and Lambda behaviour. */
class StatesServerMainTest {
  @Test
  void parsesOptions() {
    var o = StatesServerMain.Options.parse("--port", "0", "--clock", "skip", "--lambda-echo");
    assertThat(o).isEqualTo(new StatesServerMain.Options("127.0.0.1", 0, ClockMode.SKIP, true));
    assertThat(StatesServerMain.Options.parse().port()).isEqualTo(8083);
    assertThat(StatesServerMain.Options.parse().keepClosed()).isEqualTo(10_000);
    assertThat(StatesServerMain.Options.parse("--keep-closed", "50").keepClosed()).isEqualTo(50);
    assertThatThrownBy(() -> StatesServerMain.Options.parse("--keep-closed", "-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--keep-closed");
    assertThatThrownBy(() -> StatesServerMain.Options.parse("--clock", "fast"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StatesServerMain.Options.parse("--port"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bannerShowsTheEndpointAndClientSnippets() {
    var buf = new ByteArrayOutputStream();
    StatesServerMain.banner(
        StatesServerMain.Options.parse("--clock", "skip"),
        "http://127.0.0.1:8083",
        new PrintStream(buf, true, StandardCharsets.UTF_8));
    String text = buf.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .contains(
            "http://127.0.0.1:8083",
            "--endpoint-url http://127.0.0.1:8083",
            "endpointOverride(URI.create(\"http://127.0.0.1:8083\"))",
            "DISABLE_HOST_PREFIX_INJECTION",
            "time jumps");
  }

  @Test
  void lambdaTasksEchoOrFailAsDocumented() throws Exception {
    String def =
        "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":"
            + "\"arn:aws:lambda:us-east-1:123456789012:function:any\",\"End\":true}}}";
    for (boolean echo : new boolean[] {true, false}) {
      var o = new StatesServerMain.Options("127.0.0.1", 0, ClockMode.SKIP, echo);
      try (var server = StatesServerMain.start(o);
          SfnClient sfn =
              SfnClient.builder()
                  .endpointOverride(URI.create(server.endpoint()))
                  .region(Region.US_EAST_1)
                  .httpClient(UrlConnectionHttpClient.create())
                  .credentialsProvider(
                      StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                  .build()) {
        String sm =
            sfn.createStateMachine(
                    r -> r.name("l").definition(def).roleArn("arn:aws:iam::1:role/r"))
                .stateMachineArn();
        String ex =
            sfn.startExecution(r -> r.stateMachineArn(sm).input("{\"k\":1}")).executionArn();
        var d = sfn.describeExecution(r -> r.executionArn(ex));
        // the execution runs on the server's threads: poll until it ends (bounded for a loaded
        // machine; a passing run ends within a few polls)
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (d.status() == ExecutionStatus.RUNNING && System.nanoTime() < deadline) {
          Thread.sleep(20);
          d = sfn.describeExecution(r -> r.executionArn(ex));
        }
        if (echo) {
          assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
          assertThat(d.output()).isEqualTo("{\"k\":1}");
        } else {
          assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
          assertThat(d.error()).isEqualTo("Lambda.ResourceNotFoundException");
        }
      }
    }
  }
}
