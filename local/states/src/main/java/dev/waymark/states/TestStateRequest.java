package dev.waymark.states;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * TestState input.
 *
 * @param definition a single state's JSON, or a whole state machine when {@code stateName} is set
 * @param input the state input (JSON text; null = {})
 * @param inspectionLevel INFO, DEBUG or TRACE
 * @param mockResult a mocked task result (JSON text), or null
 * @param mockErrorError/mockErrorCause a mocked task error, or null
 * @param stateName the state to test inside a whole-machine definition, or null
 * @param variables variables visible to the state (JSON object text), or null
 * @param context a context object override (JSON object), or null
 */
public record TestStateRequest(String definition, String roleArn, String input, String inspectionLevel,
                               String mockResult, String mockErrorError, String mockErrorCause, String stateName,
                               String variables, JsonNode context) {
}
