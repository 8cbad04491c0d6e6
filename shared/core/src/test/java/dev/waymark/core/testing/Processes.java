package dev.waymark.core.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs a tool (node, python) to its end for a test, its output kept in temporary files. */
public final class Processes {
  /** What the process answered. */
  public record Run(int exit, String out, String err) {}

  private Processes() {}

  /** Starts {@code builder} with {@code stdin} as its input; fails the test after 120 s. */
  public static Run run(ProcessBuilder builder, String stdin)
      throws IOException, InterruptedException {
    Path in = Files.createTempFile("process", ".in");
    Path out = Files.createTempFile("process", ".out");
    Path err = Files.createTempFile("process", ".err");
    try {
      Files.writeString(in, stdin, StandardCharsets.UTF_8);
      Process process =
          builder
              .redirectInput(in.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail(String.join(" ", builder.command()) + " did not finish in 120 s");
      }
      return new Run(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(in);
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
