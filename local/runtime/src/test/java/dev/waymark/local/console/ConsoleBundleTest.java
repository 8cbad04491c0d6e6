package dev.waymark.local.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The built console (console/dist, what the local runtime serves and the deploy script uploads)
 * carries no credentials and no deployment's settings: no AWS access key, no secret key, no Cognito
 * pool or client id, no API host. Those come from config.json and the sign-in at run time.
 */
class ConsoleBundleTest {
  private static final Path DIST = ConsoleNode.CONSOLE.resolve("dist");

  private static final Map<String, Pattern> FORBIDDEN =
      Map.of(
          "an AWS access key id",
          Pattern.compile("\\b(?:AKIA|ASIA|AIDA|AROA)[A-Z0-9]{16}\\b"),
          "a secret access key",
          Pattern.compile(
              "(?i)(?:secret_?access_?key|aws_secret)[\"']?\\s*[:=]\\s*[\"'][A-Za-z0-9/+]{40}[\"']"),
          "a session token",
          Pattern.compile("(?i)session_?token[\"']?\\s*[:=]\\s*[\"'][A-Za-z0-9/+=]{100,}[\"']"),
          "a Cognito user pool id",
          Pattern.compile("\\b[a-z]{2}-[a-z]+-\\d_[A-Za-z0-9]{9}\\b"),
          "a Cognito identity pool id",
          Pattern.compile(
              "\\b[a-z]{2}-[a-z]+-\\d:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b"),
          "an API host",
          Pattern.compile("\\b[a-z0-9]{10}\\.execute-api\\."),
          "a Cognito sign-in domain",
          Pattern.compile("[a-z0-9-]+\\.auth\\.[a-z0-9-]+\\.amazoncognito\\.com"),
          "a private key",
          Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"));

  private static List<Path> files() throws IOException {
    assertThat(DIST.resolve("app.js"))
        .as("the console is built (console/build.sh, run by the console module)")
        .exists();
    try (Stream<Path> walk = Files.walk(DIST)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void theBuiltConsoleHoldsNoCredentialsAndNoDeploymentSettings() throws IOException {
    List<Path> files = files();
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.ISO_8859_1);
      FORBIDDEN.forEach(
          (what, pattern) ->
              assertThat(pattern.matcher(text).find())
                  .as("%s in %s", what, DIST.relativize(file))
                  .isFalse());
    }
    assertThat(files).noneMatch(f -> f.getFileName().toString().equals("config.json"));
  }

  @Test
  void theCheckFindsWhatItLooksFor() {
    String leaked =
        "const c={accessKeyId:\"AKIAIOSFODNN7EXAMPLE\",secretAccessKey:\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"};"
            + "const p=\"eu-west-1_AbCdEfGhI\",i=\"eu-west-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0\";"
            + "fetch(\"https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/v1\");"
            + "location.assign(\"https://waymark-x.auth.eu-west-1.amazoncognito.com/login\")";
    FORBIDDEN.forEach(
        (what, pattern) -> {
          if (!what.equals("a session token") && !what.equals("a private key")) {
            assertThat(pattern.matcher(leaked).find()).as(what).isTrue();
          }
        });
  }
}
