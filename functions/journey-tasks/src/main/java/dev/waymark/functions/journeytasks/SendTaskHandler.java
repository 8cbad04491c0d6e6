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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A journey's send step: {@code {"runId","journeyId","stepId","profileId","channel" |
 * "channels":[...], "template","templateVersion"?,"topic","data","entry","window",
 * "timedOut"?,"then"?,"onDeferred"?}} (the template read from the template store: the pinned
 * version, else the latest) → the {@link SendOutcome} (status sent, deferred, no_consent,
 * suppressed, capped, invalid_number, unreachable, in_doubt, code_pool_exhausted or render_failed,
 * with reason and, when deferred, {@code deferredUntil}).
 *
 * <p>With {@code "onDeferred":"error"} (compiled journeys) a deferred send fails with {@link
 * Waymark.SendDeferred} instead, its message the instant the window opens, so only the deferred
 * path pays for more state transitions. With {@code "timedOut":{"stepId","version"}} (the first
 * send after a waitFor's time-out) it first records that time-out as the await task's cancel call
 * would (idempotent: a second call after a deferral changes nothing). With {@code "then":[<send
 * payload>...]} (sends that follow with no step between) it makes those sends too, in order, and
 * answers their outcomes under {@code then}; a deferred one fails the call with {@link
 * Waymark.SendDeferred}, and the call made again once the window opens finds the sends already made
 * in the ledger (exactly once per run and step).
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
          boolean fail = "error".equals(p.path("onDeferred").asText()) || p.has("then");
          Map<String, Object> answer = Json.MAPPER.convertValue(send(p, fail), Map.class);
          if (p.has("then")) {
            List<SendOutcome> then = new ArrayList<>();
            for (JsonNode next : TaskPayloads.then(p)) {
              then.add(send(next, true));
            }
            answer.put("then", Json.MAPPER.convertValue(then, List.class));
          }
          return answer;
        });
  }

  private SendOutcome send(JsonNode payload, boolean failWhenDeferred) {
    SendOutcome outcome = send.send(TaskPayloads.sendRequest(payload));
    telemetry.count("Send_" + outcome.status(), 1);
    if (failWhenDeferred && outcome.status() == SendOutcome.Status.deferred) {
      throw new Waymark.SendDeferred(outcome.deferredUntil());
    }
    return outcome;
  }
}
