package dev.waymark.local.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.waymark.ddblocal.TemplateTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Node in console/ (where the console module's build installed its npm packages). */
final class ConsoleNode {
  static final Path CONSOLE =
      TemplateTable.findTemplate().toAbsolutePath().getParent().resolve("console");

  record Run(int exit, String out, String err) {}

  private ConsoleNode() {}

  /** {@code node <args>} with {@code stdin} as its input; fails the test after 120 s. */
  static Run node(String stdin, String... args) throws IOException, InterruptedException {
    assertThat(CONSOLE.resolve("node_modules/@smithy/signature-v4"))
        .as(
            "the console's npm packages are installed (console/build.sh, run by the console module)")
        .isDirectory();
    List<String> command = new ArrayList<>(List.of("node"));
    command.addAll(List.of(args));
    Path in = Files.createTempFile("console-node", ".in");
    Path out = Files.createTempFile("console-node", ".out");
    Path err = Files.createTempFile("console-node", ".err");
    try {
      Files.writeString(in, stdin, StandardCharsets.UTF_8);
      Process process =
          new ProcessBuilder(command)
              .directory(CONSOLE.toFile())
              .redirectInput(in.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("node " + String.join(" ", args) + " did not finish in 120 s");
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
