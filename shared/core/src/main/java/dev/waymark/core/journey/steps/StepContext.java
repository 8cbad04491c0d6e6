package dev.waymark.core.journey.steps;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.json.Json;

/**
 * Which run and step a journey task is for: every steps-task payload carries these ({@code version}
 * is the journey version the run started on; {@code entry} the event it entered with; {@code
 * iteration} how many times a {@code repeat} has gone back over the step, 0 the first time).
 */
public record StepContext(
    String runId,
    String journeyId,
    String version,
    String profileId,
    String stepId,
    ObjectNode entry,
    int iteration) {
  public StepContext {
    entry = entry == null ? Json.object() : entry;
  }

  /**
   * The step as the ledger knows it: {@code stepId}, or {@code stepId#<iteration>} on a later time
   * round a repeat loop (so each time through is a step of its own, and each retry of it is not).
   */
  public String ledgerStep() {
    return iteration == 0 ? stepId : stepId + "#" + iteration;
  }

  /** The key that makes a decision about this step of this run recorded once. */
  public String key() {
    return runId + "#" + ledgerStep();
  }
}
