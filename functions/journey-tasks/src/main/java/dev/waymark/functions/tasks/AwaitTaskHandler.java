package dev.waymark.functions.tasks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.journey.EventMatcher;
import dev.waymark.core.journey.TraceEntry;
import dev.waymark.core.journey.WaitRegistration;
import dev.waymark.core.ports.JourneyStore;
import dev.waymark.core.profile.ProfileService;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * "Wait for an event": called with {@code .waitForTaskToken}, it registers "resume this run when
 * this person performs {@code event} matching {@code filters} (and, with {@code correlate},
 * carrying the same value in that field as given) within {@code timeoutSeconds}". The state's own
 * TimeoutSeconds and a Catch on States.Timeout make the timed-out branch, whose first step calls
 * this task again with {@code "action":"cancel"} to remove the registration.
 */
public final class AwaitTaskHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final ProfileService profiles;
  private final JourneyStore journeys;
  private final Telemetry telemetry;
  private final Clock clock;

  public AwaitTaskHandler() {
    this(TaskFunctions.fromEnvironment(), Telemetry.powertools());
  }

  AwaitTaskHandler(TaskFunctions functions, Telemetry telemetry) {
    this(
        functions.core().profiles(),
        functions.journeys().store(),
        telemetry,
        functions.core().clock());
  }

  public AwaitTaskHandler(
      ProfileService profiles, JourneyStore journeys, Telemetry telemetry, Clock clock) {
    this.profiles = profiles;
    this.journeys = journeys;
    this.telemetry = telemetry;
    this.clock = clock;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> payload, Context context) {
    return telemetry.invocation(
        context,
        () -> {
          JsonNode p = TaskPayloads.tree(payload);
          String profileId =
              profiles
                  .resolve(TaskPayloads.text(p, "profileId"))
                  .map(x -> x.id())
                  .orElseThrow(
                      () -> new IllegalStateException("the run's profile no longer exists"));
          return "cancel".equals(p.path("action").asText())
              ? cancel(p, profileId)
              : register(p, profileId);
        });
  }

  private Map<String, Object> register(JsonNode p, String profileId) {
    long timeout = p.path("timeoutSeconds").asLong(0);
    if (timeout <= 0) {
      throw new TaskPayloads.InvalidTaskPayload(
          "timeoutSeconds", "a positive number of seconds (the state's TimeoutSeconds)");
    }
    EventMatcher matcher = TaskPayloads.matcher(p);
    JsonNode correlate = p.path("correlate");
    Instant expires = clock.instant().plusSeconds(timeout);
    String journeyId = TaskPayloads.text(p, "journeyId");
    String stepId = TaskPayloads.text(p, "stepId");
    journeys.registerWait(
        new WaitRegistration(
            profileId,
            TaskPayloads.text(p, "runId"),
            stepId,
            journeyId,
            version(p),
            matcher,
            correlate.hasNonNull("field") ? correlate.get("field").asText() : null,
            correlate.hasNonNull("value") ? correlate.get("value").asText() : null,
            TaskPayloads.text(p, "taskToken"),
            expires));
    journeys.count(journeyId, version(p), "wait:" + stepId + ":registered", 1);
    telemetry.count("WaitRegistered", 1);
    return Map.of("registered", true, "expiresAt", expires.toString());
  }

  private static String version(JsonNode p) {
    return p.path("version").asText("unversioned");
  }

  private Map<String, Object> cancel(JsonNode p, String profileId) {
    String runId = TaskPayloads.text(p, "runId");
    String stepId = TaskPayloads.text(p, "stepId");
    journeys.waitsOfRun(profileId, runId).stream()
        .filter(w -> w.stepId().equals(stepId))
        .forEach(journeys::claimWait);
    String journeyId = TaskPayloads.text(p, "journeyId");
    journeys.trace(
        new TraceEntry(
            clock.instant(),
            profileId,
            journeyId,
            runId,
            "wait",
            "timed_out",
            "the awaited event did not arrive in time",
            runId + "#" + stepId + "#timeout"));
    journeys.count(journeyId, version(p), "wait:" + stepId + ":timed_out", 1);
    return Map.of("cancelled", true);
  }
}
