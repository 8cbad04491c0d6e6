package dev.waymark.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

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
      return StatesThroughputBench.failing("moto not installed (bench/setup-peers.sh)");
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
      return StatesThroughputBench.failing(
          "aws-local-stepfunctions not installed (bench/setup-peers.sh)");
    }
    return StatesPeers::nodePeer;
  }

  /**
   * {@code states-peer.mjs} kept running for one workload: it counts the states of a first
   * execution, then runs a timed pass whenever asked (a line holding the seconds), so its passes
   * take turns with the other executors' as the JVM's do.
   */
  private static StatesThroughputBench.Prepared nodePeer(StatesThroughputBench.Workload w)
      throws IOException {
    Process p =
        new ProcessBuilder(
                "node",
                NODE_SCRIPT.toString(),
                StatesThroughputBench.DEFINITIONS.resolve(w.file()).toString(),
                w.input())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
    JsonNode counted = answer(out, p);
    long states = counted.get("states").asLong();
    return new StatesThroughputBench.Prepared() {
      @Override
      public long states() {
        return states;
      }

      @Override
      public void execute() {
        throw new UnsupportedOperationException("node runs its passes itself");
      }

      @Override
      public Rounds.Pass pass(double seconds) throws IOException {
        in.write(seconds + "\n");
        in.flush();
        JsonNode r = answer(out, p);
        return new Rounds.Pass(r.get("count").asLong(), r.get("seconds").asDouble());
      }

      @Override
      public void close() throws Exception {
        in.close();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.destroy();
        }
      }
    };
  }

  private static JsonNode answer(BufferedReader out, Process p) throws IOException {
    String line = out.readLine();
    if (line == null) {
      p.destroy();
      throw new IOException("states-peer.mjs ended without an answer");
    }
    JsonNode r = Json.parse(line);
    if (r.has("error")) {
      p.destroy();
      throw new IOException(r.get("error").asText());
    }
    return r;
  }
}
