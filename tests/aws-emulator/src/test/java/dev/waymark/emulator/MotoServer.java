package dev.waymark.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.json.Json;
import dev.waymark.ddblocal.TemplateTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * moto's server, the third-party AWS emulator that scripts/install-tools.sh installs into {@code
 * .tools/moto}: one per test JVM, a subprocess on a free loopback port, with its request recorder
 * on. Tests read what it recorded through its own inspection endpoints: {@code /moto-api/data.json}
 * (the state of its backends: sent emails, SMS, endpoint messages) and {@code
 * /moto-api/recorder/download-recording} (every request it accepted, body included).
 *
 * <p>Missing moto: under CI ({@code CI=true}) the tests fail; elsewhere they are skipped with a
 * message naming scripts/install-tools.sh.
 */
public final class MotoServer {
  public static final String REGION = "us-east-1";
  public static final String ACCOUNT = "123456789012";
  private static MotoServer shared;
  private final Process process;
  private final URI endpoint;
  private final HttpClient http = HttpClient.newHttpClient();

  private MotoServer(Process process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  /** The JVM's moto server, started on first use and stopped when the JVM exits. */
  public static synchronized MotoServer shared() {
    if (shared == null) {
      Path bin = projectRoot().resolve(".tools/moto/bin/moto_server");
      if (!Files.isExecutable(bin)) {
        String why =
            bin
                + " is missing: run scripts/install-tools.sh (it installs"
                + " tools/requirements-moto.txt into .tools/moto)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
          throw new IllegalStateException("moto suite under CI: " + why);
        }
        System.out.println("[aws-emulator] SKIPPED: " + why);
        Assumptions.abort(why);
      }
      shared = start(bin);
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
    }
    return shared;
  }

  /** The repository root: {@code -Dwaymark.root} (set by the pom) or where template.yaml is. */
  public static Path projectRoot() {
    String root = System.getProperty("waymark.root");
    if (root != null && Files.isRegularFile(Path.of(root, "template.yaml"))) {
      return Path.of(root);
    }
    return TemplateTable.findTemplate().toAbsolutePath().getParent();
  }

  private static MotoServer start(Path bin) {
    try {
      int port;
      try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = probe.getLocalPort();
      }
      Path target = Path.of("target").toAbsolutePath();
      Files.createDirectories(target);
      Path log = target.resolve("moto-server.log");
      ProcessBuilder builder =
          new ProcessBuilder(bin.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
              .redirectErrorStream(true);
      builder.environment().put("MOTO_ENABLE_RECORDING", "true");
      builder
          .environment()
          .put("MOTO_RECORDER_FILEPATH", target.resolve("moto-recording.jsonl").toString());
      Process process = builder.start();
      CompletableFuture<Void> listening = new CompletableFuture<>();
      Thread.ofPlatform()
          .daemon()
          .name("moto-server-output")
          .start(() -> copyOutput(process, log, listening));
      try {
        // werkzeug prints "Running on http://127.0.0.1:<port>" once the socket is bound
        listening.get(60, TimeUnit.SECONDS);
      } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
        process.destroyForcibly();
        throw new IllegalStateException("moto_server did not start; its output is in " + log, e);
      }
      MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port));
      // Step Functions executions really run (moto's States Language interpreter), so task
      // tokens exist and SendTaskSuccess has something to resume
      server.post("/moto-api/config", "{\"stepfunctions\":{\"execute_state_machine\":true}}");
      return server;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + bin, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void copyOutput(Process process, Path log, CompletableFuture<Void> listening) {
    try (BufferedReader output = process.inputReader(StandardCharsets.UTF_8);
        Writer copy = Files.newBufferedWriter(log)) {
      for (String line; (line = output.readLine()) != null; ) {
        copy.write(line);
        copy.write('\n');
        copy.flush();
        if (line.contains("Running on")) {
          listening.complete(null);
        }
      }
    } catch (IOException e) {
      listening.completeExceptionally(e);
    }
    listening.completeExceptionally(new IllegalStateException("moto_server exited"));
  }

  void stop() {
    process.destroy();
  }

  public URI endpoint() {
    return endpoint;
  }

  /** An SDK v2 client as the functions build theirs, pointed at moto with static credentials. */
  public <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C client(B builder) {
    builder
        .region(Region.of(REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .endpointOverride(endpoint)
        .httpClient(UrlConnectionHttpClient.create());
    return builder.build();
  }

  /** The state of moto's backends, by service and model ({@code ses.Message}, {@code sns.SMS}). */
  public JsonNode data() {
    return Json.parse(get("/moto-api/data.json"));
  }

  /** The instances of one model of one service in moto's backends. */
  public List<JsonNode> models(String service, String model) {
    List<JsonNode> out = new java.util.ArrayList<>();
    data().path(service).path(model).forEach(out::add);
    return out;
  }

  /** A request moto accepted, as its recorder kept it. */
  public record Recorded(String method, String url, String body) {}

  /** Every request moto accepted whose path starts with {@code pathPrefix}, oldest first. */
  public List<Recorded> recorded(String method, String pathPrefix) {
    List<Recorded> out = new java.util.ArrayList<>();
    for (String line : get("/moto-api/recorder/download-recording").split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode entry = Json.parse(line);
      String url = entry.path("url").asText();
      String body = entry.path("body").asText("");
      if (entry.path("body_encoded").asBoolean()) {
        body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
      }
      if (entry.path("method").asText().equals(method)
          && URI.create(url).getRawPath().startsWith(pathPrefix)) {
        out.add(new Recorded(method, url, body));
      }
    }
    return out;
  }

  private String get(String path) {
    return send(HttpRequest.newBuilder(endpoint.resolve(path)).GET().build());
  }

  private String post(String path, String json) {
    return send(
        HttpRequest.newBuilder(endpoint.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private String send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            request.uri() + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
