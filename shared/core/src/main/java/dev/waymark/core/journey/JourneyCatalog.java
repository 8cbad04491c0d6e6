package dev.waymark.core.journey;

import java.util.List;
import java.util.Optional;

/** The journeys deployed, and the state machine each run starts on. */
public interface JourneyCatalog {
  /** Every journey, highest priority first. */
  List<JourneyDefinition> journeys();

  Optional<JourneyDefinition> find(String journeyId);

  /**
   * What StartExecution is called with (in AWS: the state machine's alias, so runs pin a version).
   */
  String stateMachineArn(String journeyId);
}
