package dev.waymark.states.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An in-process Lambda function. Return the function's result (any JSON value). To fail with a
 * specific AWS error name throw {@link dev.waymark.states.StatesFailure}; any other exception fails
 * the task with the exception's simple class name as error and a Lambda-style JSON cause.
 */
@FunctionalInterface
public interface LambdaHandler {
  JsonNode handle(JsonNode payload) throws Exception;
}
