package dev.waymark.bench;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Runs a benchmark workload on any Step Functions endpoint through the AWS SDK client:
 * StartExecution, then DescribeExecution until the execution ends, the pause growing from 0.5 ms by
 * a quarter each time up to {@value #MAX_POLL_MS} ms (so polling neither adds much latency nor
 * steals much CPU from the executor); states entered are counted from the execution's history.
 */
final class StatesSfnDriver implements StatesThroughputBench.Runner {
  static final int MAX_POLL_MS = 10;
  private final SfnClient sfn;
  private final AutoCloseable onClose;

  StatesSfnDriver(String endpoint, AutoCloseable onClose) {
    this.onClose = onClose;
    this.sfn =
        SfnClient.builder()
            .endpointOverride(URI.create(endpoint))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(
                c ->
                    c.apiCallTimeout(Duration.ofMinutes(1))
                        .putAdvancedOption(
                            SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
            .build();
  }

  @Override
  public StatesThroughputBench.Prepared prepare(StatesThroughputBench.Workload w) {
    String sm =
        sfn.createStateMachine(
                r ->
                    r.name("bench-" + System.nanoTime())
                        .roleArn("arn:aws:iam::123456789012:role/bench")
                        .definition(definition(w)))
            .stateMachineArn();
    String first = execute(sm, w.input());
    long states =
        sfn.getExecutionHistoryPaginator(r -> r.executionArn(first)).events().stream()
            .filter(e -> e.typeAsString().endsWith("StateEntered"))
            .count();
    return StatesThroughputBench.prepared(states, () -> execute(sm, w.input()));
  }

  private static String definition(StatesThroughputBench.Workload w) {
    try {
      return w.definition();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String execute(String sm, String input) {
    String arn =
        sfn.startExecution(
                r ->
                    r.stateMachineArn(sm).name(java.util.UUID.randomUUID().toString()).input(input))
            .executionArn();
    long deadline = System.nanoTime() + StatesThroughputBench.TIMEOUT.toNanos();
    DescribeExecutionResponse d = sfn.describeExecution(r -> r.executionArn(arn));
    double pause = 0.5;
    while (d.status() == ExecutionStatus.RUNNING) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("still RUNNING after " + StatesThroughputBench.TIMEOUT);
      }
      pause = Math.min(MAX_POLL_MS, pause * 1.25);
      try {
        Thread.sleep(Duration.ofNanos((long) (pause * 1e6)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      d = sfn.describeExecution(r -> r.executionArn(arn));
    }
    if (d.status() != ExecutionStatus.SUCCEEDED) {
      throw new IllegalStateException(d.statusAsString() + " " + d.error() + ": " + d.cause());
    }
    return arn;
  }

  @Override
  public void close() throws Exception {
    sfn.close();
    onClose.close();
  }
}
