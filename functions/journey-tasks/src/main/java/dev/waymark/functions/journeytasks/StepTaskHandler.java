package dev.waymark.functions.journeytasks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.aws.composition.Composition;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.journey.language.Step;
import dev.waymark.core.journey.steps.StepContext;
import dev.waymark.core.journey.steps.StepTasks;
import dev.waymark.core.journey.steps.WebhookFailure;
import dev.waymark.core.journey.steps.Webhooks;
import dev.waymark.core.json.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The steps task function: {@code {"action", "runId", "journeyId", "version", "profileId",
 * "stepId", "entry", ...}} with action {@code waitUntil} → {@code {"until"}}, {@code branch} →
 * {@code {"next"}}, {@code split} → {@code {"variant", "next"}}, {@code update} → {@code
 * {"updated"}}, {@code webhook} → {@code {"status", "body"}} (no 2xx after the retries: the error
 * {@code Waymark.WebhookFailed}). The work is {@link StepTasks}'; this parses and maps.
 */
public record StepTaskHandler(StepTasks steps, Telemetry telemetry)
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  public StepTaskHandler() {
    this(Composition.stepFunction(), Telemetry.powertools());
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> payload, Context context) {
    return telemetry.invocation(
        context,
        () -> {
          JsonNode p = TaskPayloads.tree(payload);
          String action = TaskPayloads.text(p, "action");
          StepContext step = StepPayloads.context(p);
          Map<String, Object> answer = new HashMap<>();
          switch (action) {
            case "waitUntil" ->
                answer.put("until", steps.waitUntil(step, StepPayloads.until(p)).toString());
            case "branch" ->
                answer.put(
                    "next",
                    steps
                        .branching()
                        .next(
                            step,
                            StepPayloads.conditions(p),
                            p.hasNonNull("default") ? p.get("default").asText() : null));
            case "split" -> {
              Step.Variant variant = steps.splits().choose(step, StepPayloads.variants(p));
              answer.put("variant", variant.name());
              answer.put("next", variant.next().orElse(null));
            }
            case "update" ->
                answer.put(
                    "updated",
                    List.copyOf(
                        steps
                            .updates()
                            .apply(step, StepPayloads.set(p), StepPayloads.increment(p))));
            case "webhook" -> {
              Webhooks.Result result = webhook(step, p);
              answer.put("status", result.status());
              // plain maps and lists: the Lambda runtime serializes the answer with its own Jackson
              answer.put(
                  "body",
                  result.body() == null
                      ? null
                      : Json.MAPPER.convertValue(result.body(), Object.class));
            }
            default ->
                throw new TaskPayloads.InvalidTaskPayload(
                    "action", "waitUntil, branch, split, update or webhook, not " + action);
          }
          telemetry.count("Step_" + action, 1);
          return answer;
        });
  }

  private Webhooks.Result webhook(StepContext step, JsonNode p) {
    try {
      return steps.webhooks().call(step, StepPayloads.webhook(p));
    } catch (WebhookFailure e) {
      telemetry.count("WebhookFailed", 1);
      throw new Waymark.WebhookFailed(e.getMessage(), e);
    }
  }
}
