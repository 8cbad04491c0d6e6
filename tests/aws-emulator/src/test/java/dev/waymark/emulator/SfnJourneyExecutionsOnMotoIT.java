package dev.waymark.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.aws.journey.SfnJourneyExecutions;
import dev.waymark.core.journey.JourneyExecutions;
import dev.waymark.core.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * {@link SfnJourneyExecutions}, the real Step Functions adapter, against moto with its States
 * Language interpreter on: executions really run, a task waits for its token (handed out through an
 * SQS queue, as {@code .waitForTaskToken} integrations do), and DescribeExecution tells what became
 * of them.
 */
class SfnJourneyExecutionsOnMotoIT {
  static SfnClient sfn;
  static SqsClient sqs;
  static SfnJourneyExecutions executions;
  static String queueUrl;
  static String waitsForToken;
  static String waitsAnHour;

  @BeforeAll
  static void stateMachines() {
    MotoServer moto = MotoServer.shared();
    sfn = moto.client(SfnClient.builder());
    sqs = moto.client(SqsClient.builder());
    executions = new SfnJourneyExecutions(sfn);
    queueUrl = sqs.createQueue(r -> r.queueName("waymark-task-tokens")).queueUrl();
    waitsForToken =
        create(
            "waits-for-event",
            """
            {"StartAt":"WaitForEvent","States":{"WaitForEvent":{"Type":"Task",
              "Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
              "Parameters":{"QueueUrl":"%s","MessageBody":{"token.$":"$$.Task.Token","runId.$":"$.runId"}},
              "End":true}}}
            """
                .formatted(queueUrl));
    waitsAnHour =
        create(
            "waits-an-hour",
            "{\"StartAt\":\"Wait\",\"States\":{\"Wait\":{\"Type\":\"Wait\",\"Seconds\":3600,\"End\":true}}}");
  }

  static String create(String name, String definition) {
    return sfn.createStateMachine(
            r ->
                r.name(name)
                    .definition(definition)
                    .roleArn("arn:aws:iam::123456789012:role/waymark-journeys"))
        .stateMachineArn();
  }

  @Test
  void aStartedRunWaitsForItsEventAndResumingItFinishesItWithTheEventAsOutput() {
    String runId = "run-" + UUID.randomUUID();
    String arn = executions.start(waitsForToken, runId, "{\"runId\":\"" + runId + "\"}");
    assertThat(arn).endsWith(":" + runId);
    assertThat(executions.status(arn)).isEqualTo("RUNNING");

    String token = tokenOf(runId);
    assertThat(executions.resume(token, "{\"event\":\"Test Drive Booked\"}")).isTrue();

    DescribeExecutionResponse done = finished(arn);
    assertThat(done.statusAsString()).isEqualTo("SUCCEEDED");
    assertThat(Json.parse(done.output()).path("event").asText()).isEqualTo("Test Drive Booked");
    assertThat(executions.status(arn)).isEqualTo("SUCCEEDED");
  }

  @Test
  void aTokenNoRunWaitsForIsNotResumed() {
    assertThat(executions.resume("no-such-token-" + UUID.randomUUID(), "{}")).isFalse();
  }

  @Test
  void stoppingARunAbortsItAndStoppingOneThatIsGoneIsHarmless() {
    String runId = "run-" + UUID.randomUUID();
    String arn = executions.start(waitsAnHour, runId, "{}");

    executions.stop(arn, "Waymark.GoalReached", "goal Test Drive Booked reached");

    assertThat(executions.status(arn)).isEqualTo("ABORTED");
    executions.stop(arn.replace(runId, "run-that-never-was"), "Waymark.Exit", "erased");
  }

  @Test
  void anExecutionStepFunctionsDoesNotKnowIsReportedForgottenNotAnError() {
    String forgotten = waitsAnHour.replace(":stateMachine:", ":execution:") + ":run-long-gone";
    assertThat(executions.status(forgotten)).isEqualTo(JourneyExecutions.FORGOTTEN);
  }

  /** The token the run's task handed out, read from the queue (long polling, with a deadline). */
  private static String tokenOf(String runId) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      List<Message> messages =
          sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(1).maxNumberOfMessages(10))
              .messages();
      for (Message m : messages) {
        sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
        var body = Json.parse(m.body());
        if (body.path("runId").asText().equals(runId)) {
          return body.path("token").asText();
        }
      }
    }
    throw new AssertionError("no task token for " + runId + " within 30 s");
  }

  /** DescribeExecution until the run is no longer RUNNING (polled, with a deadline). */
  private static DescribeExecutionResponse finished(String arn) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    DescribeExecutionResponse described;
    do {
      described = sfn.describeExecution(r -> r.executionArn(arn));
    } while ("RUNNING".equals(described.statusAsString()) && Instant.now().isBefore(deadline));
    return described;
  }
}
