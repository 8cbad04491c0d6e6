package dev.waymark.local.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.core.testing.Processes;
import dev.waymark.ddblocal.TemplateTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs Node in console/ (where the console module's build installed its npm packages). */
final class ConsoleNode {
  static final Path CONSOLE =
      TemplateTable.findTemplate().toAbsolutePath().getParent().resolve("console");

  private ConsoleNode() {}

  /** {@code node <args>} with {@code stdin} as its input; fails the test after 120 s. */
  static Processes.Run node(String stdin, String... args) throws IOException, InterruptedException {
    assertThat(CONSOLE.resolve("node_modules/@smithy/signature-v4"))
        .as(
            "the console's npm packages are installed (console/build.sh, run by the console module)")
        .isDirectory();
    List<String> command = new ArrayList<>(List.of("node"));
    command.addAll(List.of(args));
    return Processes.run(new ProcessBuilder(command).directory(CONSOLE.toFile()), stdin);
  }
}
