package dev.waymark.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.json.Json;
import dev.waymark.ddblocal.TemplateTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the scripts of tools/sdk-tests, each of which drives a real analytics SDK installed by
 * scripts/install-tools.sh. Under CI ({@code CI=true}) a missing SDK fails the test; elsewhere it
 * skips it with a message naming the install script.
 */
final class SdkScripts {
  static final Path ROOT = TemplateTable.findTemplate().toAbsolutePath().getParent();

  /** What a script reported: its last stdout line, {@code {"sent":[...]}}. */
  record Run(JsonNode sent, String stderr) {}

  private SdkScripts() {}

  static List<String> command(String sdk) {
    Path scripts = ROOT.resolve("tools/sdk-tests");
    return switch (sdk) {
      case "segment-node" -> {
        require(ROOT.resolve("tools/node_modules/@segment/analytics-node/package.json"), sdk);
        yield List.of("node", scripts.resolve("segment-node.js").toString());
      }
      case "segment-node-click" -> {
        require(ROOT.resolve("tools/node_modules/@segment/analytics-node/package.json"), sdk);
        yield List.of("node", scripts.resolve("segment-node-click.js").toString());
      }
      case "rudder-node" -> {
        require(ROOT.resolve("tools/node_modules/@rudderstack/rudder-sdk-node/package.json"), sdk);
        yield List.of("node", scripts.resolve("rudder-node.js").toString());
      }
      case "segment-python" -> {
        Path python = ROOT.resolve(".tools/sdk/bin/python");
        require(python, sdk);
        yield List.of(python.toString(), scripts.resolve("segment_python.py").toString());
      }
      default -> throw new IllegalArgumentException(sdk);
    };
  }

  private static void require(Path installed, String sdk) {
    if (Files.exists(installed)) {
      return;
    }
    String message =
        sdk
            + " is not installed ("
            + ROOT.relativize(installed)
            + "): run scripts/install-tools.sh";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message);
    }
    Assumptions.abort(message);
  }

  /** A profile's timeline: messageId → event time. */
  static java.util.Map<String, java.time.Instant> timeline(
      dev.waymark.local.LocalApi api, String profileId) {
    java.util.Map<String, java.time.Instant> landed = new java.util.HashMap<>();
    api.get("/v1/profiles/" + profileId + "/events?limit=100")
        .body()
        .path("events")
        .forEach(
            e ->
                landed.put(
                    e.path("messageId").asText(),
                    java.time.Instant.parse(e.path("timestamp").asText())));
    return landed;
  }

  static Run run(String sdk, String url, String writeKey, String prefix)
      throws IOException, InterruptedException {
    return run(
        sdk,
        java.util.Map.of(
            "WAYMARK_URL", url, "WAYMARK_WRITE_KEY", writeKey, "WAYMARK_PREFIX", prefix));
  }

  /** Runs an SDK script with these environment variables (WAYMARK_URL, WAYMARK_WRITE_KEY, ...). */
  static Run run(String sdk, java.util.Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command(sdk)).directory(ROOT.toFile());
    builder.environment().putAll(env);
    Path err = Files.createTempFile("sdk-" + sdk, ".err");
    Path out = Files.createTempFile("sdk-" + sdk, ".out");
    builder.redirectError(err.toFile()).redirectOutput(out.toFile());
    Process process = builder.start();
    boolean finished = process.waitFor(120, TimeUnit.SECONDS);
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    Files.deleteIfExists(err);
    Files.deleteIfExists(out);
    if (!finished) {
      process.destroyForcibly();
      fail(sdk + " did not finish in 120 s; stderr: " + stderr);
    }
    assertThat(process.exitValue()).as(sdk + " exit code; stderr: " + stderr).isZero();
    String[] lines = stdout.strip().split("\n");
    return new Run(Json.parse(lines[lines.length - 1]).get("sent"), stderr);
  }
}
