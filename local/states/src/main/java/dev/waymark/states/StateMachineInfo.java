package dev.waymark.states;

import java.time.Instant;

/**
 * DescribeStateMachine: for a version ARN ({@code ...:stateMachine:name:3}) the version's
 * definition and {@code revisionId}; otherwise the latest definition.
 */
public record StateMachineInfo(
    String stateMachineArn,
    String name,
    String definition,
    StateMachineType type,
    String roleArn,
    Instant creationDate,
    String revisionId,
    String description,
    String latestVersionArn) {}
