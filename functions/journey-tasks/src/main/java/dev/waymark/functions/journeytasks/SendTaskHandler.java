package dev.waymark.functions.journeytasks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.waymark.aws.composition.Composition;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.json.Json;
import dev.waymark.core.send.SendOutcome;
import dev.waymark.core.send.SendService;
import java.util.Map;

/**
 * A journey's send step: {@code {"runId","journeyId","stepId","profileId","channel" |
 * "channels":[...], "template","templateVersion"?,"topic","data","entry","window"}} (the template
 * read from the template store: the pinned version, else the latest) → the {@link SendOutcome}
 * (status sent, deferred, no_consent, suppressed, capped, invalid_number, unreachable or in_doubt,
 * with reason and, when deferred, {@code deferredUntil}).
 */
public record SendTaskHandler(SendService send, Telemetry telemetry)
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  public SendTaskHandler() {
    this(Composition.journeyFunction().send(), Telemetry.powertools());
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<String, Object> handleRequest(Map<String, Object> payload, Context context) {
    return telemetry.invocation(
        context,
        () -> {
          SendOutcome outcome = send.send(TaskPayloads.sendRequest(TaskPayloads.tree(payload)));
          telemetry.count("Send_" + outcome.status(), 1);
          return Json.MAPPER.convertValue(outcome, Map.class);
        });
  }
}
