package dev.waymark.states;

import java.time.Instant;

/** StartExecution's answer. */
public record StartResult(String executionArn, Instant startDate) {}
