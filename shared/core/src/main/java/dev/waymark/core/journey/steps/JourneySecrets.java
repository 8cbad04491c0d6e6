package dev.waymark.core.journey.steps;

import java.util.Optional;

/** A journey's webhook signing secret (made when the journey is first published). */
public interface JourneySecrets {
  Optional<String> webhookSecret(String journeyId);
}
