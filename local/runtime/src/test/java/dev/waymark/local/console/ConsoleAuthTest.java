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
 * and the signing fetch; and the canvas model's (console/src/journey/test/*.test.mjs: the counts
 * per branch and split way on boxes and edges).
 */
class ConsoleAuthTest {
  @Test
  void theAuthModulesTestsPass() throws Exception {
    List<String> args = new ArrayList<>(List.of("--test"));
    for (String folder : List.of("src/auth/test", "src/journey/test")) {
      try (Stream<Path> files = Files.list(ConsoleNode.CONSOLE.resolve(folder))) {
        files
            .map(Path::getFileName)
            .map(Path::toString)
            .filter(name -> name.endsWith(".test.mjs"))
            .sorted()
            .forEach(name -> args.add(folder + "/" + name));
      }
    }
    assertThat(args).hasSizeGreaterThanOrEqualTo(6).contains("src/journey/test/model.test.mjs");
    Processes.Run run = ConsoleNode.node("", args.toArray(String[]::new));
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("# fail 0").containsPattern("# pass [1-9]");
  }
}
