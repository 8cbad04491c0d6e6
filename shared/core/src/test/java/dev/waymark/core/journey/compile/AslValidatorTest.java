package dev.waymark.core.journey.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fixture's compiled ASL passes {@code asl-validator} (installed into tools/node_modules by
 * scripts/install-tools.sh; skipped where it is not installed — scripts/check-template.sh runs it
 * on the golden files as well).
 */
class AslValidatorTest {
  private static final Path VALIDATOR = Path.of("../../tools/node_modules/.bin/asl-validator");

  @Test
  void everyCompiledFixturePassesAslValidator(@TempDir Path dir)
      throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(VALIDATOR), "asl-validator is not installed");
    List<String> command = new ArrayList<>(List.of(VALIDATOR.toString()));
    for (var fixture : CompilerFixtures.all().entrySet()) {
      Path file = dir.resolve(fixture.getKey() + ".asl.json");
      Files.writeString(file, fixture.getValue().compile().asl(), StandardCharsets.UTF_8);
      command.add("--json-path");
      command.add(file.toString());
    }
    Process validator = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(validator.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(validator.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(validator.exitValue()).as(output).isZero();
    assertThat(output).contains("welcome.asl.json\" is valid", "tour.asl.json\" is valid");
  }
}
