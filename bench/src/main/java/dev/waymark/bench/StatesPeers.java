package dev.waymark.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.json.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The two peer executors of {@link StatesThroughputBench}: moto's Step Functions executor ({@code
 * moto_server} from {@code .tools/moto-venv}, with {@code stepfunctions.execute_state_machine}
 * switched on through {@code POST /moto-api/config}) and aws-local-stepfunctions ({@code
 * bench/node/states-peer.mjs}).
 */
final class StatesPeers {
  static final Path MOTO = Path.of(".tools/moto-venv/bin/moto_server");
  static final Path NODE_SCRIPT = Path.of("bench/node/states-peer.mjs");
  static final Path NODE_LIBRARY = Path.of("bench/node/node_modules/aws-local-stepfunctions");

  private StatesPeers() {}

  /** Runs {@code bench/setup-peers.sh} (idempotent) when a peer is missing. */
  static void setUp() throws Exception {
    if (Files.isExecutable(MOTO) && Files.isDirectory(NODE_LIBRARY)) {
      return;
    }
    int exit = new ProcessBuilder("bench/setup-peers.sh").inheritIO().start().waitFor();
    if (exit != 0) {
      System.err.println(
          "bench/setup-peers.sh failed (" + exit + "); missing peers are reported as not run");
    }
  }

  static StatesThroughputBench.Runner moto() throws Exception {
    if (!Files.isExecutable(MOTO)) {
      return w -> StatesThroughputBench.Result.failed("moto not installed (bench/setup-peers.sh)");
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process moto =
        new ProcessBuilder(MOTO.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    String endpoint = "http://127.0.0.1:" + port;
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest config =
        HttpRequest.newBuilder(URI.create(endpoint + "/moto-api/config"))
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"stepfunctions\":{\"execute_state_machine\":true}}"))
            .build();
    for (int i = 0; ; i++) {
      try {
        if (http.send(config, HttpResponse.BodyHandlers.ofString()).statusCode() / 100 == 2) {
          break;
        }
      } catch (IOException e) {
        if (i > 300 || !moto.isAlive()) {
          moto.destroy();
          throw new IllegalStateException("moto_server did not start", e);
        }
        Thread.sleep(100);
      }
    }
    return new StatesSfnDriver(
        endpoint,
        () -> {
          moto.destroy();
          moto.waitFor();
        });
  }

  static StatesThroughputBench.Runner node() {
    if (!Files.isDirectory(NODE_LIBRARY)) {
      return w ->
          StatesThroughputBench.Result.failed(
              "aws-local-stepfunctions not installed (bench/setup-peers.sh)");
    }
    return w -> {
      Process p =
          new ProcessBuilder(
                  "node",
                  NODE_SCRIPT.toString(),
                  StatesThroughputBench.DEFINITIONS.resolve(w.file()).toString(),
                  w.input(),
                  String.valueOf(w.executions()),
                  String.valueOf(StatesThroughputBench.WARMUP_ROUNDS + 1),
                  String.valueOf(StatesThroughputBench.TIMED_PASSES))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      p.waitFor();
      JsonNode r =
          Json.parse(
              out.isEmpty() ? "{\"error\":\"no output\"}" : out.lines().reduce((a, b) -> b).get());
      if (r.has("error")) {
        return StatesThroughputBench.Result.failed(r.get("error").asText());
      }
      return new StatesThroughputBench.Result(
          r.get("states").asLong(), r.get("seconds").asDouble(), w.executions(), null);
    };
  }
}
