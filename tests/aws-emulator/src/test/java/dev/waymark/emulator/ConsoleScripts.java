package dev.waymark.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.json.Json;
import dev.waymark.core.testing.Processes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the console's deploy script, its moto fixture (moto's own Python, which has boto3) and the
 * console's Node harnesses against the shared moto server, with its endpoint and test credentials
 * in the environment.
 */
final class ConsoleScripts {
  static final Path ROOT = MotoServer.projectRoot();
  private static final Path PYTHON = ROOT.resolve(".tools/moto/bin/python");
  private static final Path FIXTURE =
      ROOT.resolve("tests/aws-emulator/src/test/python/console_deploy_fixture.py");

  record Run(int exit, String out, String err) {}

  private ConsoleScripts() {}

  /** moto's Python with {@code args}, in the repository root. */
  static Run python(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(PYTHON.toString()));
    command.addAll(List.of(args));
    return run(command, ROOT, "");
  }

  /** The fixture's JSON answer to {@code args}. */
  static JsonNode fixture(String... args) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of(FIXTURE.toString()));
    all.addAll(List.of(args));
    Run run = python(all.toArray(String[]::new));
    assertThat(run.exit()).as(run.err()).isZero();
    return Json.parse(run.out());
  }

  /** {@code node <script>} in console/ with {@code stdin}. */
  static Run node(String stdin, String script) throws IOException, InterruptedException {
    Path console = ROOT.resolve("console");
    assertThat(console.resolve("node_modules/@aws-sdk/credential-provider-cognito-identity"))
        .as(
            "the console's npm packages are installed (console/build.sh, run by the console module)")
        .isDirectory();
    return run(List.of("node", script), console, stdin);
  }

  private static Run run(List<String> command, Path directory, String stdin)
      throws IOException, InterruptedException {
    MotoServer moto = MotoServer.shared();
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().put("AWS_ENDPOINT_URL", moto.endpoint().toString());
    builder.environment().put("AWS_ACCESS_KEY_ID", "testing");
    builder.environment().put("AWS_SECRET_ACCESS_KEY", "testing");
    builder.environment().put("AWS_REGION", MotoServer.REGION);
    builder.environment().put("AWS_DEFAULT_REGION", MotoServer.REGION);
    builder.environment().remove("AWS_PROFILE");
    Processes.Run run = Processes.run(builder, stdin);
    return new Run(run.exit(), run.out(), run.err());
  }
}
