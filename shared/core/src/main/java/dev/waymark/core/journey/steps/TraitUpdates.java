package dev.waymark.core.journey.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.event.EventInbox;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.json.Json;
import dev.waymark.core.profile.ProfileService;
import dev.waymark.core.segment.InternalEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An update step: sets and increments traits on the person's profile, once per (run, step) however
 * often the task is retried. The first attempt claims (run, step) in the {@link StepLedger}; every
 * attempt then records the same identify event (messageId {@code
 * journey:<runId>:<stepId>[#<iteration>]}, the claim's time), which the profile store writes
 * together with the new traits only if it is not on the profile yet. Increments are computed from
 * the traits as they are at that write (a lost race recomputes), so concurrent updates add up. The
 * event then goes to the inbox too (de-duplicated by its messageId), so segments and journeys see
 * the change as they see any identify call.
 */
public record TraitUpdates(
    ProfileService profiles, StepLedger ledger, EventInbox inbox, Clock clock) {

  /** The traits set or incremented, in the order given (sets first). */
  public List<String> apply(
      StepContext step, Map<String, JsonNode> set, Map<String, Double> increment) {
    Instant at = ledger.claim(step, clock.instant());
    String messageId = "journey:" + step.runId() + ":" + step.ledgerStep();
    InboundEvent[] recorded = new InboundEvent[1];
    profiles.recordChange(
        step.profileId(),
        profile -> {
          ObjectNode traits = Json.object();
          set.forEach((name, value) -> traits.set(name, value.deepCopy()));
          increment.forEach(
              (name, by) -> traits.set(name, sum(profile.traits().values().get(name), by)));
          ObjectNode source =
              Json.object()
                  .put("journeyId", step.journeyId())
                  .put("runId", step.runId())
                  .put("stepId", step.stepId());
          recorded[0] = InternalEvents.traitChange(profile, messageId, traits, source, at);
          return recorded[0];
        });
    inbox.accept(recorded[0], "journey");
    List<String> names = new ArrayList<>(set.keySet());
    increment.keySet().stream().filter(n -> !set.containsKey(n)).forEach(names::add);
    return names;
  }

  /** The trait plus {@code by}; a missing or non-numeric trait counts as 0; whole stays whole. */
  static JsonNode sum(JsonNode current, double by) {
    double base = current != null && current.isNumber() ? current.asDouble() : 0;
    double total = base + by;
    boolean whole =
        (current == null || !current.isNumber() || current.isIntegralNumber())
            && by == Math.rint(by)
            && Math.abs(total) < 9.0e15;
    return whole
        ? Json.MAPPER.getNodeFactory().numberNode((long) total)
        : Json.MAPPER.getNodeFactory().numberNode(total);
  }
}
