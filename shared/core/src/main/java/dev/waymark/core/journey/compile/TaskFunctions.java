package dev.waymark.core.journey.compile;

/**
 * The Lambda functions a compiled journey calls (ARNs; alias ARNs on AWS): {@code send} for send
 * steps, {@code await} for waitFor steps (registration and cancel), {@code steps} for the step
 * kinds the state machine cannot do alone (computed waits, branch, split, update, webhook).
 */
public record TaskFunctions(String send, String await, String steps) {}
