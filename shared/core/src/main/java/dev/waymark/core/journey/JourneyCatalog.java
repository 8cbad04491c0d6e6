package dev.waymark.core.journey;

import java.util.List;
import java.util.Optional;

/** The published journeys (live, paused or stopped), and the state machine each run starts on. */
public interface JourneyCatalog {
  /** Every published journey, highest priority first. */
  List<JourneyDefinition> journeys();

  Optional<JourneyDefinition> find(String journeyId);

  /** Whether the journey takes entries ({@link JourneyState#live}) or refuses them. */
  JourneyState state(String journeyId);

  /**
   * What StartExecution is called with (the state machine's alias {@code live}, so runs pin the
   * version they started on).
   */
  String stateMachineArn(String journeyId);
}
