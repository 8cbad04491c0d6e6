package dev.waymark.aws.journey;

import dev.waymark.core.journey.JourneyCatalog;
import dev.waymark.core.journey.JourneyDefinition;
import dev.waymark.core.journey.JourneyState;
import java.util.List;
import java.util.Optional;

/** One live journey whose runs start on {@code arn:sm} (router tests that need no publishing). */
record LiveCatalog(JourneyDefinition journey) implements JourneyCatalog {
  @Override
  public List<JourneyDefinition> journeys() {
    return List.of(journey);
  }

  @Override
  public Optional<JourneyDefinition> find(String journeyId) {
    return Optional.of(journey).filter(j -> j.id().equals(journeyId));
  }

  @Override
  public JourneyState state(String journeyId) {
    return JourneyState.live;
  }

  @Override
  public String stateMachineArn(String journeyId) {
    return "arn:sm";
  }
}
