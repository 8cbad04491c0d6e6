package dev.waymark.core.journey;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The journeys packaged with the function, each with the state machine its runs start on. In Lambda
 * the ARNs come from environment variables {@code WAYMARK_SM_<ID>} (the journey id upper-cased,
 * dashes as underscores), which template.yaml sets to each state machine's alias.
 */
public final class StaticJourneyCatalog implements JourneyCatalog {
  private final List<JourneyDefinition> journeys;
  private final Map<String, String> stateMachineArns;

  public StaticJourneyCatalog(
      List<JourneyDefinition> journeys, Map<String, String> stateMachineArns) {
    this.journeys = List.copyOf(journeys);
    this.stateMachineArns = Map.copyOf(stateMachineArns);
  }

  public static String environmentVariable(String journeyId) {
    return "WAYMARK_SM_" + journeyId.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  @Override
  public List<JourneyDefinition> journeys() {
    return journeys;
  }

  @Override
  public Optional<JourneyDefinition> find(String journeyId) {
    return journeys.stream().filter(j -> j.id().equals(journeyId)).findFirst();
  }

  @Override
  public String stateMachineArn(String journeyId) {
    String arn = stateMachineArns.get(journeyId);
    if (arn == null) {
      throw new IllegalStateException(
          "no state machine for journey "
              + journeyId
              + " (set "
              + environmentVariable(journeyId)
              + ")");
    }
    return arn;
  }
}
