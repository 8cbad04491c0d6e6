package dev.waymark.states;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * TestState input, mirroring the AWS API.
 *
 * @param definition a single state's JSON, or a whole state machine when {@code stateName} is set
 * @param roleArn the role (reported in the context object; may be null)
 * @param input the state input as JSON text (null = {})
 * @param inspectionLevel INFO, DEBUG or TRACE (null = INFO)
 * @param mock {@code {"result": "<json text>"}} or {@code {"errorOutput": {"error": ..., "cause":
 *     ...}}}, or null
 * @param stateName the state to test inside a whole-machine definition, or null
 * @param variables variables visible to the state (JSON object text), or null
 * @param context a context object to use instead of the generated one (JSON object text), or null
 * @param stateConfiguration {@code retrierRetryCount}, {@code mapIterationFailureCount}, {@code
 *     errorCausedByState}, {@code mapItemReaderData}, or null
 */
public record TestStateRequest(
    String definition,
    String roleArn,
    String input,
    String inspectionLevel,
    JsonNode mock,
    String stateName,
    String variables,
    String context,
    JsonNode stateConfiguration) {}
