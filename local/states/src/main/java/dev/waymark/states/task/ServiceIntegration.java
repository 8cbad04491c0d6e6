package dev.waymark.states.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A pluggable service integration ({@code arn:aws:states:::<service>:<action>} and {@code
 * aws-sdk:<service>:*}). Register implementations on the engine builder; the first whose {@link
 * #supports} returns true handles the call. Throw {@link dev.waymark.states.StatesFailure} to fail
 * the task with an AWS error name (e.g. {@code DynamoDB.ConditionalCheckFailedException}).
 */
public interface ServiceIntegration {
  /**
   * Whether this integration handles {@code service} (e.g. "dynamodb" or "aws-sdk:dynamodb") and
   * action.
   */
  boolean supports(String service, String action);

  /** Performs the call and returns the service response as the task result. */
  JsonNode invoke(ServiceRequest request) throws Exception;
}
