package dev.waymark.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.json.Json;
import dev.waymark.ddblocal.DynamoDbLocal;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The steps task function called by a state machine on the local executor, by its alias ARN as
 * compiled journeys call it: a webhook to the local sink, and its failure caught by the error name
 * {@code Waymark.WebhookFailed}, as on AWS.
 */
class StepTasksOnExecutorTest extends LocalRuntimeFixture {
  static final String STEP_FUNCTION =
      "arn:aws:lambda:us-east-1:000000000000:function:StepFunction:live";
  static SfnClient sfn;

  @BeforeAll
  static void client() {
    sfn =
        SfnClient.builder()
            .endpointOverride(runtime.sfnEndpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(DynamoDbLocal.localCredentials())
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    runtime
        .dynamo()
        .putItem(
            r ->
                r.tableName(LocalRuntime.TABLE)
                    .item(
                        Map.of(
                            Keys.PK,
                            Attr.s(Keys.journey("hooked")),
                            Keys.SK,
                            Attr.s(Keys.JOURNEY_SK),
                            "webhookSecret",
                            Attr.s("local-secret"))));
  }

  @AfterAll
  static void close() {
    sfn.close();
  }

  static String definition(String url) {
    return """
        {"StartAt":"Hook","States":{
          "Hook":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
            "Parameters":{"FunctionName":"%s","Payload":{
              "action":"webhook","runId.$":"$.runId","journeyId":"hooked","version":"1",
              "profileId.$":"$.profileId","stepId":"hook","entry":{},
              "method":"POST","url":"%s","body":"{\\"hi\\":\\"{{ profile.id }}\\"}",
              "timeoutSeconds":5,"retries":1}},
            "ResultSelector":{"status.$":"$.Payload.status","body.$":"$.Payload.body"},
            "ResultPath":"$.webhooks.hook",
            "Catch":[{"ErrorEquals":["Waymark.WebhookFailed"],"ResultPath":"$.error","Next":"Failed"}],
            "End":true},
          "Failed":{"Type":"Pass","Result":"onError","ResultPath":"$.path","End":true}}}"""
        .formatted(STEP_FUNCTION, url);
  }

  JsonNode run(String name, String url) {
    LocalApi.Answer accepted =
        api.sendEvents(
            """
            {"batch":[{"type":"identify","messageId":"id-%s","userId":"%s",
             "traits":{"email":"%s@example.com"}}]}"""
                .formatted(name, name, name));
    assertThat(accepted.status() / 100).isEqualTo(2);
    String profileId = profileOf(name);
    String machine =
        sfn.createStateMachine(
                r ->
                    r.name("hooked-" + name)
                        .definition(definition(url))
                        .roleArn("arn:aws:iam::000000000000:role/local"))
            .stateMachineArn();
    String execution =
        sfn.startExecution(
                r ->
                    r.stateMachineArn(machine)
                        .input(
                            "{\"runId\":\"run-" + name + "\",\"profileId\":\"" + profileId + "\"}"))
            .executionArn();
    runtime.awaitProcessed();
    DescribeExecutionResponse done = sfn.describeExecution(r -> r.executionArn(execution));
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    return Json.parse(done.output());
  }

  String profileOf(String userId) {
    runtime.awaitProcessed();
    return runtime
        .services()
        .profiles()
        .lookup(new Identity(IdentityNamespace.USER_ID, userId))
        .orElseThrow()
        .id();
  }

  @Test
  void aWebhookStepCallsTheSinkAndKeepsItsAnswer() {
    String url = api.base().resolve("/_local/webhooks/crm").toString();
    JsonNode output = run("ok", url);
    assertThat(output.path("webhooks").path("hook").path("status").asInt()).isEqualTo(200);
    assertThat(output.path("webhooks").path("hook").path("body").path("ok").asBoolean()).isTrue();
    JsonNode calls = api.get("/_local/webhooks").body().path("calls");
    JsonNode call = calls.get(calls.size() - 1);
    assertThat(call.path("headers").path("idempotency-key").asText()).isEqualTo("run-ok:hook");
    assertThat(call.path("headers").path("waymark-signature").asText()).startsWith("t=");
    assertThat(call.path("body").asText()).startsWith("{\"hi\":\"");
  }

  @Test
  void aWebhookThatKeepsFailingIsCaughtAsWaymarkWebhookFailed() {
    String url = api.base().resolve("/_local/webhooks/crm?status=503").toString();
    JsonNode output = run("down", url);
    assertThat(output.path("path").asText()).isEqualTo("onError");
    assertThat(output.path("error").path("Error").asText()).isEqualTo("Waymark.WebhookFailed");
    assertThat(output.path("error").path("Cause").asText()).contains("answered 503");
  }
}
