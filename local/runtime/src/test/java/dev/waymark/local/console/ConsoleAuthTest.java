package dev.waymark.local.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.core.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console's auth module's own tests (console/src/auth/test/*.test.mjs, Node's test runner):
 * config.json checks, the sign-in round trip (PKCE, state, refresh, sign-out), credential caching
 * and the signing fetch.
 */
class ConsoleAuthTest {
  @Test
  void theAuthModulesTestsPass() throws Exception {
    List<String> args = new ArrayList<>(List.of("--test"));
    try (Stream<Path> files = Files.list(ConsoleNode.CONSOLE.resolve("src/auth/test"))) {
      files
          .map(Path::getFileName)
          .map(Path::toString)
          .filter(name -> name.endsWith(".test.mjs"))
          .sorted()
          .forEach(name -> args.add("src/auth/test/" + name));
    }
    assertThat(args).hasSizeGreaterThanOrEqualTo(5);
    Processes.Run run = ConsoleNode.node("", args.toArray(String[]::new));
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("# fail 0").containsPattern("# pass [1-9]");
  }
}
