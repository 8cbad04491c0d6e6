package dev.waymark.core.journey;

import java.time.Instant;

/**
 * One decision Waymark made about a person in a journey, with its reason: entered or refused (and
 * why), which branch a check took, a wait performed or timed out, a message sent or not. {@code
 * key} makes re-recording the same decision (on a replay) idempotent.
 */
public record TraceEntry(
    Instant at,
    String profileId,
    String journeyId,
    String runId,
    String kind,
    String decision,
    String reason,
    String key) {}
