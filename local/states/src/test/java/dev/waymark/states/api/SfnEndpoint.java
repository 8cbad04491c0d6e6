package dev.waymark.states.api;

import dev.waymark.states.StatesEngine;
import dev.waymark.states.clock.ClockMode;
import dev.waymark.states.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * A skip-clock engine behind {@link StatesHttpServer} on a free port, and the real AWS SDK v2
 * {@link SfnClient} pointed at it (dummy credentials, us-east-1, host prefix injection off so
 * StartSyncExecution's {@code sync-} prefix does not need DNS). Lambdas: {@code notify} returns {},
 * {@code double} doubles {@code $.n}.
 */
final class SfnEndpoint implements BeforeAllCallback, AfterAllCallback {
  StatesEngine engine;
  StatesHttpServer server;
  SfnClient sfn;

  @Override
  public void beforeAll(ExtensionContext context) {
    engine =
        StatesEngine.builder()
            .clockMode(ClockMode.SKIP)
            .lambda("notify", in -> Json.object())
            .lambda("double", in -> Json.object().put("n", in.path("n").asInt() * 2))
            .build();
    try {
      server = StatesHttpServer.start(engine, "127.0.0.1", 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    sfn = client(server.endpoint());
  }

  /**
   * Waits until no execution can run without outside help, failing the test after two minutes (a
   * bound for a loaded machine; a passing test returns as soon as the engine is idle).
   */
  void settle() {
    if (!engine.awaitQuiescence(Duration.ofMinutes(2))) {
      throw new AssertionError("the engine did not settle within two minutes");
    }
  }

  static SfnClient client(String endpoint) {
    return SfnClient.builder()
        .endpointOverride(URI.create(endpoint))
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(
            c -> c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
        .build();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    sfn.close();
    server.close();
  }

  /** ASL text from a single-quoted JSON sketch. */
  static String asl(String sketch) {
    return Json.write(Json.parse(sketch.replace('\'', '"')));
  }

  static String pass(String result) {
    return asl(
        "{'StartAt':'P','States':{'P':{'Type':'Pass','Result':'" + result + "','End':true}}}");
  }
}
