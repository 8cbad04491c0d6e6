package dev.waymark.states;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * TestState output: {@code status} is SUCCEEDED, FAILED, RETRIABLE or CAUGHT_ERROR; {@code output}
 * is the JSON text of the state output; {@code inspectionData} holds
 * input/afterInputPath/afterParameters/result/... (DEBUG).
 */
public record TestStateResult(
    String status,
    String output,
    String error,
    String cause,
    String nextState,
    ObjectNode inspectionData) {}
