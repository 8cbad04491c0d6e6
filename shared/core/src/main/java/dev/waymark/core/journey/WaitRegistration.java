package dev.waymark.core.journey;

import java.time.Instant;
import java.util.List;

/**
 * "Resume this run when this person performs this event (matching these filters, and carrying the
 * same value in {@code correlationField} as the run's trigger did) before {@code expiresAt}."
 * Registered by the await task with the state's task token; the state's timeout is the timed-out
 * branch.
 */
public record WaitRegistration(
    String profileId,
    String runId,
    String stepId,
    String journeyId,
    String version,
    EventMatcher matcher,
    String correlationField,
    String correlationValue,
    String taskToken,
    Instant expiresAt) {

  public WaitRegistration {
    matcher = new EventMatcher(matcher.event(), List.copyOf(matcher.filters()));
  }
}
