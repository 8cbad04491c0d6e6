package dev.waymark.local.journeys.compile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.journey.compile.CompilerFixtures;
import dev.waymark.states.StatesEngine;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.clock.EngineClock;
import dev.waymark.states.json.Json;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stand-ins for the three task functions, to run compiled journeys on the executor without the rest
 * of Waymark: they record every payload and answer as the test arranged (the real functions have
 * their own tests).
 */
final class FakeTaskFunctions {
  /** One call: which function, with what payload. */
  record Call(String function, JsonNode payload) {
    String stepId() {
      return payload.path("stepId").asText();
    }
  }

  private final EngineClock clock;
  final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Set<String> deferOnce = new HashSet<>();
  private final Set<String> failingWebhooks = new HashSet<>();
  private final Map<String, Deque<String>> paths = new HashMap<>();
  private final Map<String, String> untils = new HashMap<>();

  FakeTaskFunctions(EngineClock clock) {
    this.clock = clock;
  }

  /** The engine, its Lambda functions named as in {@link CompilerFixtures#FUNCTIONS}. */
  StatesEngine engine() {
    return StatesEngine.builder()
        .clock(clock)
        .lambda("waymark-send", this::send)
        .lambda("waymark-await", this::await)
        .lambda("waymark-steps", this::steps)
        .build();
  }

  /** The send of this step is deferred (for an hour) the first time. */
  FakeTaskFunctions deferOnce(String stepId) {
    deferOnce.add(stepId);
    return this;
  }

  /** The branch or split of this step answers these next steps, one per visit. */
  FakeTaskFunctions paths(String stepId, String... nexts) {
    paths.put(stepId, new ArrayDeque<>(List.of(nexts)));
    return this;
  }

  FakeTaskFunctions failWebhook(String stepId) {
    failingWebhooks.add(stepId);
    return this;
  }

  FakeTaskFunctions until(String stepId, String instant) {
    untils.put(stepId, instant);
    return this;
  }

  List<Call> calls(String function) {
    return calls.stream().filter(c -> c.function().equals(function)).toList();
  }

  /** The payload of the first call for this step id. */
  JsonNode first(String function, String stepId) {
    return calls(function, stepId).get(0).payload();
  }

  /** The payload of the last call for this step id. */
  JsonNode last(String function, String stepId) {
    List<Call> calls = calls(function, stepId);
    return calls.get(calls.size() - 1).payload();
  }

  private List<Call> calls(String function, String stepId) {
    List<Call> found = calls(function).stream().filter(c -> c.stepId().equals(stepId)).toList();
    if (found.isEmpty()) {
      throw new AssertionError("no " + function + " call for " + stepId);
    }
    return found;
  }

  /** The task token of the (registration) call of a waitFor step. */
  String token(String stepId) {
    return first("await", stepId).path("taskToken").asText();
  }

  /** One call records each send it makes (the step's, then those of {@code then}). */
  private JsonNode send(JsonNode payload) {
    List<JsonNode> sends = new java.util.ArrayList<>(List.of(payload));
    payload.path("then").forEach(sends::add);
    boolean fail = "error".equals(payload.path("onDeferred").asText());
    for (JsonNode send : sends) {
      calls.add(new Call("send", send));
      if (deferOnce.remove(send.path("stepId").asText())) {
        String until = clock.now().plus(Duration.ofHours(1)).toString();
        if (!fail) {
          return Json.object().put("status", "deferred").put("deferredUntil", until);
        }
        throw new StatesFailure( // as SendTaskHandler fails it
            "Waymark.SendDeferred",
            Json.write(
                Json.object().put("errorMessage", until).put("errorType", "Waymark.SendDeferred")));
      }
    }
    return Json.object().put("status", "sent").put("channel", "email");
  }

  private JsonNode await(JsonNode payload) {
    calls.add(new Call("await", payload));
    return "cancel".equals(payload.path("action").asText())
        ? Json.object().put("cancelled", true)
        : Json.object().put("registered", true);
  }

  private JsonNode steps(JsonNode payload) {
    calls.add(new Call("steps", payload));
    String stepId = payload.path("stepId").asText();
    ObjectNode answer = Json.object();
    switch (payload.path("action").asText()) {
      case "waitUntil" -> answer.put("until", untils.get(stepId));
      case "branch", "split" -> {
        String next = paths.get(stepId).pop();
        if (payload.has("variants")) {
          for (JsonNode v : payload.get("variants")) {
            if (v.path("next").asText().equals(next)) {
              answer.put("variant", v.path("name").asText());
            }
          }
        }
        answer.put("next", next);
      }
      case "update" -> answer.putArray("updated").add("lastOffer").add("offersSent");
      case "webhook" -> {
        if (failingWebhooks.contains(stepId)) {
          throw new StatesFailure("Waymark.WebhookFailed", "{\"status\":500}");
        }
        answer.put("status", 200).putObject("body").put("crmId", "crm-7");
      }
      default -> throw new StatesFailure("Waymark.InvalidTaskPayload", "action");
    }
    return answer;
  }
}
