package dev.waymark.states;

import java.time.Instant;
import java.util.Map;

/**
 * DescribeStateMachineAlias: routing maps version ARNs to weights (percent), in the order given.
 */
public record StateMachineAliasInfo(
    String aliasArn,
    String name,
    Map<String, Integer> routing,
    String description,
    Instant creationDate,
    Instant updateDate) {}
