package dev.waymark.functions.journeytasks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.aws.composition.Composition;
import dev.waymark.aws.journey.JourneyServices;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.journey.WaitService;
import dev.waymark.core.json.Json;
import dev.waymark.core.send.SendOutcome;
import dev.waymark.core.send.SendService;
import java.util.Map;

/**
 * A journey's send step: {@code {"runId","journeyId","stepId","profileId","channel" |
 * "channels":[...], "template","templateVersion"?,"topic","data","entry","window",
 * "timedOut"?,"onDeferred"?}} (the template read from the template store: the pinned version, else
 * the latest) → the {@link SendOutcome} (status sent, deferred, no_consent, suppressed, capped,
 * invalid_number, unreachable or in_doubt, with reason and, when deferred, {@code deferredUntil}).
 *
 * <p>With {@code "onDeferred":"error"} (compiled journeys) a deferred send fails with {@link
 * Waymark.SendDeferred} instead, its message the instant the window opens, so only the deferred
 * path pays for more state transitions. With {@code "timedOut":{"stepId","version"}} (the first
 * send after a waitFor's time-out) it first records that time-out as the await task's cancel call
 * would (idempotent: a second call after a deferral changes nothing).
 */
public record SendTaskHandler(SendService send, WaitService waits, Telemetry telemetry)
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  public SendTaskHandler() {
    this(Composition.journeyFunction());
  }

  private SendTaskHandler(JourneyServices journeys) {
    this(journeys.send(), journeys.waits(), Telemetry.powertools());
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<String, Object> handleRequest(Map<String, Object> payload, Context context) {
    return telemetry.invocation(
        context,
        () -> {
          JsonNode p = TaskPayloads.tree(payload);
          if (p.hasNonNull("timedOut")) {
            waits.timedOut(TaskPayloads.timedOut(p));
          }
          SendOutcome outcome = send.send(TaskPayloads.sendRequest(p));
          telemetry.count("Send_" + outcome.status(), 1);
          if (outcome.status() == SendOutcome.Status.deferred
              && "error".equals(p.path("onDeferred").asText())) {
            throw new Waymark.SendDeferred(outcome.deferredUntil());
          }
          return Json.MAPPER.convertValue(outcome, Map.class);
        });
  }
}
