package dev.waymark.states.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One service-integration call from a Task state.
 *
 * @param resource the full resource ARN, e.g. {@code arn:aws:states:::dynamodb:getItem}
 * @param service the service part: {@code dynamodb}, {@code aws-sdk:dynamodb}, {@code sqs}, ...
 * @param action the action without suffix: {@code getItem}, {@code sendMessage}, ...
 * @param pattern request/response, .sync or .waitForTaskToken
 * @param parameters the evaluated Parameters/Arguments
 * @param taskToken the task token (only for WAIT_FOR_TASK_TOKEN)
 */
public record ServiceRequest(
    String resource,
    String service,
    String action,
    IntegrationPattern pattern,
    JsonNode parameters,
    String taskToken,
    String region,
    String accountId) {}
