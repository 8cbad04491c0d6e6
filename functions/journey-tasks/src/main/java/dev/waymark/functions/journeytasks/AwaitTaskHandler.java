package dev.waymark.functions.journeytasks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.aws.composition.Composition;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.journey.WaitService;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * "Wait for an event": called with {@code .waitForTaskToken}, it registers "resume this run when
 * this person performs {@code event} matching {@code filters} (and, with {@code correlate},
 * carrying the same value in that field as given) within {@code timeoutSeconds}". The state's own
 * TimeoutSeconds and a Catch on States.Timeout make the timed-out branch, whose first step calls
 * this task again with {@code "action":"cancel"} to remove the registration (or, when that step is
 * a send, the send does it: {@code timedOut} in {@link SendTaskHandler}'s payload). The work is
 * {@link WaitService}'s; this parses the payload and maps the answer.
 */
public record AwaitTaskHandler(WaitService waits, Telemetry telemetry)
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  public AwaitTaskHandler() {
    this(Composition.journeyFunction().waits(), Telemetry.powertools());
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> payload, Context context) {
    return telemetry.invocation(
        context,
        () -> {
          JsonNode p = TaskPayloads.tree(payload);
          WaitService.Step step =
              new WaitService.Step(
                  TaskPayloads.text(p, "profileId"),
                  TaskPayloads.text(p, "journeyId"),
                  p.path("version").asText("unversioned"),
                  TaskPayloads.text(p, "runId"),
                  TaskPayloads.text(p, "stepId"));
          if ("cancel".equals(p.path("action").asText())) {
            waits.timedOut(step);
            return Map.of("cancelled", true);
          }
          Instant expires = waits.register(step, await(p));
          telemetry.count("WaitRegistered", 1);
          return Map.of("registered", true, "expiresAt", expires.toString());
        });
  }

  private static WaitService.Await await(JsonNode p) {
    long timeout = p.path("timeoutSeconds").asLong(0);
    if (timeout <= 0) {
      throw new TaskPayloads.InvalidTaskPayload(
          "timeoutSeconds", "a positive number of seconds (the state's TimeoutSeconds)");
    }
    JsonNode correlate = p.path("correlate");
    return new WaitService.Await(
        TaskPayloads.matcher(p),
        correlate.hasNonNull("field") ? correlate.get("field").asText() : null,
        correlate.hasNonNull("value") ? correlate.get("value").asText() : null,
        TaskPayloads.text(p, "taskToken"),
        Duration.ofSeconds(timeout));
  }
}
