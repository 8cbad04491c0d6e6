package dev.waymark.core.journey;

import java.util.List;
import java.util.Optional;

/** Live journeys whose runs start on {@code arn:sm:<id>} (router tests that need no publishing). */
public record LiveCatalog(List<JourneyDefinition> journeys) implements JourneyCatalog {
  public LiveCatalog(JourneyDefinition journey) {
    this(List.of(journey));
  }

  public LiveCatalog {
    journeys = List.copyOf(journeys);
  }

  @Override
  public Optional<JourneyDefinition> find(String journeyId) {
    return journeys.stream().filter(j -> j.id().equals(journeyId)).findFirst();
  }

  @Override
  public JourneyState state(String journeyId) {
    return JourneyState.live;
  }

  @Override
  public String stateMachineArn(String journeyId) {
    return "arn:sm:" + journeyId;
  }
}
