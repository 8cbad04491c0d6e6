package dev.waymark.aws.journey;

import dev.waymark.core.journey.JourneyCatalog;
import dev.waymark.core.journey.JourneyDefinition;
import dev.waymark.core.journey.JourneyState;
import java.util.List;
import java.util.Optional;

/** Live journeys whose runs start on {@code arn:sm:<id>} (router tests that need no publishing). */
record LiveCatalog(List<JourneyDefinition> journeys) implements JourneyCatalog {
  LiveCatalog(JourneyDefinition journey) {
    this(List.of(journey));
  }

  LiveCatalog {
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
