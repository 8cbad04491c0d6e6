package dev.waymark.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The console's end-to-end test (issue 11): {@code console/e2e/run.mjs} drives Debian's headless
 * Chromium (playwright-core) against this runtime, whose virtual clock stands at a Tuesday 09:00
 * UTC until the test advances it from the console. Screenshots (1280×800) go to {@code
 * target/console-screenshots}, or to {@code $CONSOLE_SCREENSHOTS} ({@code docs/console} refreshes
 * the ones docs/console.md shows).
 */
class ConsoleEndToEndTest {
  private static final Instant TUESDAY_9AM = Instant.parse("2026-11-24T09:00:00Z");

  @Test
  void aNewUserBuildsPublishesAndFollowsTheSeed004JourneyInTheConsole() throws Exception {
    Path console = consoleFolder();
    Path screenshots =
        Path.of(System.getenv().getOrDefault("CONSOLE_SCREENSHOTS", "target/console-screenshots"))
            .toAbsolutePath();
    try (LocalRuntime runtime =
        LocalRuntime.start(LocalRuntime.Options.defaults().withPort(0).startingAt(TUESDAY_9AM))) {
      ProcessBuilder node =
          new ProcessBuilder("node", "e2e/run.mjs")
              .directory(console.toFile())
              .redirectErrorStream(true);
      node.environment().put("WAYMARK_URL", runtime.baseUri().toString());
      node.environment().put("WAYMARK_WRITE_KEY", runtime.writeKey());
      node.environment().put("SCREENSHOTS", screenshots.toString());
      Process process = node.start();
      StringBuilder output = new StringBuilder();
      try (BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          System.out.println(line);
          output.append(line).append('\n');
        }
      }
      // a bound for a stuck browser only: the script's own waits are for states, bounded too
      assertThat(process.waitFor(15, TimeUnit.MINUTES)).as("the e2e script ended").isTrue();
      assertThat(process.exitValue()).as(output.toString()).isZero();
      assertThat(output).contains("e2e: passed");
      for (String page :
          new String[] {
            "journeys",
            "journey-error",
            "journey-canvas",
            "messages",
            "person",
            "templates",
            "segments"
          }) {
        assertThat(screenshots.resolve(page + ".png")).isRegularFile();
      }
    }
  }

  /** {@code console/} of this checkout (the test runs in local/runtime). */
  private static Path consoleFolder() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("console/e2e/run.mjs"))) {
        return dir.resolve("console");
      }
    }
    throw new IllegalStateException("console/e2e/run.mjs not found above the working directory");
  }
}
