package dev.waymark.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/deploy-console.py against moto's CloudFormation, S3 and CloudFront: from a stack with
 * template.yaml's console outputs, it writes config.json (region, API URL without the trailing
 * slash, pool ids, sign-in domain), uploads the built files under console/ with their content
 * types, replaces a config.json the build left, and invalidates /console/*. A stack without the
 * console outputs is refused, naming the missing output, and nothing is uploaded.
 */
class ConsoleDeployOnMotoIT {
  @Test
  void theBuiltConsoleAndItsConfigReachTheBucketAndTheCacheIsInvalidated(@TempDir Path dist)
      throws Exception {
    Files.writeString(
        dist.resolve("index.html"), "<!doctype html><script type=module src=app.js></script>");
    Files.writeString(dist.resolve("app.js"), "console.log(1)");
    Files.writeString(dist.resolve("app.css"), "body{}");
    Files.writeString(dist.resolve("config.json"), "{\"left\":\"by a build\"}");
    JsonNode stack = ConsoleScripts.fixture("setup", "waymark-console-deploy");

    ConsoleScripts.Run deploy =
        ConsoleScripts.python(
            "scripts/deploy-console.py",
            "--stack",
            "waymark-console-deploy",
            "--dist",
            dist.toString());
    assertThat(deploy.exit()).as(deploy.err()).isZero();
    assertThat(deploy.out())
        .contains("4 files to s3://" + stack.path("bucket").asText() + "/console/");

    JsonNode seen =
        ConsoleScripts.fixture(
            "inspect", stack.path("bucket").asText(), stack.path("distribution").asText());
    JsonNode objects = seen.path("objects");
    assertThat(objects.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "console/index.html", "console/app.js", "console/app.css", "console/config.json");
    assertThat(objects.path("console/app.js").path("type").asText())
        .isEqualTo("text/javascript; charset=utf-8");
    assertThat(objects.path("console/index.html").path("type").asText())
        .isEqualTo("text/html; charset=utf-8");
    assertThat(objects.path("console/index.html").path("cacheControl").asText())
        .isEqualTo("no-cache");
    assertThat(objects.path("console/config.json").path("body"))
        .isEqualTo(
            Json.parse(
                """
                {"region": "us-east-1",
                 "apiUrl": "https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com",
                 "userPoolId": "us-east-1_AbCdEfGhI",
                 "userPoolClientId": "1example23456789abcdefghij",
                 "identityPoolId": "us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
                 "signInDomain": "waymark-test.auth.us-east-1.amazoncognito.com"}
                """));
    assertThat(seen.path("invalidated").toString()).isEqualTo("[\"/console/*\"]");
  }

  @Test
  void aStackWithoutTheConsoleIsRefusedNamingTheOutput(@TempDir Path dist) throws Exception {
    Files.writeString(dist.resolve("index.html"), "<!doctype html>");
    ConsoleScripts.Run create =
        ConsoleScripts.python(
            "-c",
            "import boto3; boto3.client('cloudformation').create_stack(StackName='no-console',"
                + " TemplateBody='{\"Resources\":{\"B\":{\"Type\":\"AWS::S3::Bucket\"}},"
                + "\"Outputs\":{\"ApiUrl\":{\"Value\":\"https://x.example.com/\"}}}')");
    assertThat(create.exit()).as(create.err()).isZero();

    ConsoleScripts.Run deploy =
        ConsoleScripts.python(
            "scripts/deploy-console.py", "--stack", "no-console", "--dist", dist.toString());
    assertThat(deploy.exit()).isNotZero();
    assertThat(deploy.err()).contains("the stack has no output ConsoleUserPoolId");
  }
}
