package dev.waymark.aws.send;

import java.util.List;

/**
 * One send decision of a person's message log, as {@code GET /v1/profiles/{id}/messages} shows it:
 * what the step decided ({@code status}: sent, no_consent, capped, ...), on which channel, and what
 * delivery feedback said since ({@code deliveryStatus}, the latest; {@code feedback}, every kind
 * seen: delivery, open, click, bounce, complaint).
 */
public record LoggedMessage(
    String at,
    String journeyId,
    String runId,
    String stepId,
    String template,
    String channel,
    String status,
    String reason,
    String deliveryStatus,
    String deliveryStatusAt,
    List<String> feedback) {}
