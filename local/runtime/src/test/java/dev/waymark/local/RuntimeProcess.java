package dev.waymark.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./waymark local} in a process of its own (the same class path and main class as the
 * launcher), on a free port and a given data folder; started when it printed its banner, killed
 * with SIGKILL when asked.
 */
final class RuntimeProcess {
  private static final Pattern API = Pattern.compile("API:\\s+(http://127\\.0\\.0\\.1:\\d+)");
  private static final Pattern KEY = Pattern.compile("write key:\\s+(\\S+)");

  private final Process process;
  private final URI base;
  private final String writeKey;
  private final List<String> output;

  private RuntimeProcess(Process process, URI base, String writeKey, List<String> output) {
    this.process = process;
    this.base = base;
    this.writeKey = writeKey;
    this.output = output;
  }

  /**
   * Starts the runtime and returns once it printed its banner (or fails with its output). Its
   * output is read to the end, so that it never blocks on a full pipe.
   */
  static RuntimeProcess start(Path data) throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", // a short-lived runtime: start fast, skip C2
                "-Dlog4j2.configurationFile=classpath:log4j2-local.xml",
                "-cp",
                System.getProperty("java.class.path"),
                LocalRuntimeMain.class.getName(),
                "--port",
                "0",
                "--data",
                data.toString())
            .redirectErrorStream(true);
    builder.environment().put("DDB_LOCAL_TELEMETRY", "0");
    Process process = builder.start();
    List<String> output = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<URI> base = new CompletableFuture<>();
    CompletableFuture<String> key = new CompletableFuture<>();
    Thread.ofPlatform()
        .daemon()
        .name("runtime-output")
        .start(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  output.add(line);
                  Matcher api = API.matcher(line);
                  Matcher writeKey = KEY.matcher(line);
                  if (api.find()) {
                    base.complete(URI.create(api.group(1)));
                  } else if (writeKey.find()) {
                    key.complete(writeKey.group(1));
                  }
                }
              } catch (IOException e) {
                // the process was killed
              } finally {
                base.completeExceptionally(new IllegalStateException("no banner: " + output));
                key.completeExceptionally(new IllegalStateException("no banner: " + output));
              }
            });
    // bounded only for a machine too busy to start it at all
    return new RuntimeProcess(
        process, base.get(5, TimeUnit.MINUTES), key.get(5, TimeUnit.MINUTES), output);
  }

  URI base() {
    return base;
  }

  String writeKey() {
    return writeKey;
  }

  long pid() {
    return process.pid();
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. Returns the exit code. */
  int kill() throws InterruptedException {
    process.destroyForcibly();
    return process.waitFor();
  }

  List<String> output() {
    return List.copyOf(output);
  }
}
