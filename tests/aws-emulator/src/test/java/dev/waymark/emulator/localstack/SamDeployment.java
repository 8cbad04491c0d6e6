package dev.waymark.emulator.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * template.yaml built and deployed to LocalStack with the pinned SAM CLI ({@code .tools/venv}),
 * every AWS call of SAM CLI sent to LocalStack by {@code AWS_ENDPOINT_URL} (S3 path-style, as
 * LocalStack on a mapped port needs). The commands it runs are the ones docs/local-runtime.md gives
 * for doing the same by hand.
 */
final class SamDeployment {
  static final String STACK = "waymark-localstack";
  private final Path root;
  private final Path work;
  private final Map<String, String> env = new HashMap<>();

  SamDeployment(Path root, URI endpoint) throws IOException {
    this.root = root;
    this.work = root.resolve("tests/aws-emulator/target/localstack");
    Files.createDirectories(work);
    Path config = work.resolve("aws-config");
    Files.writeString(
        config,
        "[default]\nregion = us-east-1\ns3 =\n  addressing_style = path\n",
        StandardCharsets.UTF_8);
    env.put("AWS_ENDPOINT_URL", endpoint.toString());
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    env.put("AWS_CONFIG_FILE", config.toString());
    env.put("SAM_CLI_TELEMETRY", "0");
  }

  static Path samCli(Path root) {
    return root.resolve(".tools/venv/bin/sam");
  }

  /** sam build, then sam deploy; returns the stack's outputs (ApiUrl, TableName, ...). */
  Map<String, String> deploy() throws IOException, InterruptedException {
    Path build = work.resolve("build");
    run(
        List.of(
            "build",
            "--template-file",
            "template.yaml",
            "--build-dir",
            build.toString(),
            "--cache-dir",
            work.resolve("cache").toString()));
    run(
        List.of(
            "deploy",
            "--template-file",
            build.resolve("template.yaml").toString(),
            "--stack-name",
            STACK,
            "--resolve-s3",
            "--capabilities",
            "CAPABILITY_IAM",
            "CAPABILITY_AUTO_EXPAND",
            "--no-confirm-changeset",
            "--no-fail-on-empty-changeset",
            "--region",
            "us-east-1"));
    String outputs =
        run(
            List.of(
                "list",
                "stack-outputs",
                "--stack-name",
                STACK,
                "--output",
                "json",
                "--region",
                "us-east-1"));
    Map<String, String> byKey = new HashMap<>();
    JsonNode list = Json.parse(outputs.substring(outputs.indexOf('[')));
    list.forEach(o -> byKey.put(o.path("OutputKey").asText(), o.path("OutputValue").asText()));
    return byKey;
  }

  /** Runs sam with the arguments in the repository root; its output goes to target/localstack. */
  private String run(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(samCli(root).toString());
    command.addAll(args);
    Path log = work.resolve("sam-" + args.get(0) + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    int exit = builder.start().waitFor();
    String output = Files.readString(log);
    if (exit != 0) {
      throw new IllegalStateException(
          "sam " + args.get(0) + " failed (exit " + exit + "), see " + log + ":\n" + output);
    }
    return output;
  }
}
