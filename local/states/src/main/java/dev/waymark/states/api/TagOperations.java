package dev.waymark.states.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.states.StatesApiException;
import dev.waymark.states.StatesEngine;
import dev.waymark.states.json.Json;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * TagResource, UntagResource, ListTagsForResource on state machines and activities (also {@code
 * tags} on create).
 */
final class TagOperations {
  private static final Set<String> TAGGABLE = Set.of("stateMachine", "activity");
  private final StatesEngine engine;
  private final Map<String, Map<String, String>> tags = new ConcurrentHashMap<>();

  TagOperations(StatesEngine engine) {
    this.engine = engine;
  }

  void register(Map<String, Function<JsonNode, ObjectNode>> ops) {
    ops.put(
        "TagResource",
        rq -> {
          add(resource(rq), rq.path("tags"));
          return Json.object();
        });
    ops.put(
        "UntagResource",
        rq -> {
          Map<String, String> t = tags.get(resource(rq));
          if (t != null) {
            rq.path("tagKeys").forEach(k -> t.remove(k.asText()));
          }
          return Json.object();
        });
    ops.put(
        "ListTagsForResource",
        rq -> {
          ArrayNode out = Json.array();
          tags.getOrDefault(resource(rq), Map.of())
              .forEach((k, v) -> out.addObject().put("key", k).put("value", v));
          ObjectNode o = Json.object();
          o.set("tags", out);
          return o;
        });
  }

  /** Wraps CreateStateMachine/CreateActivity so that their {@code tags} member is kept. */
  Function<JsonNode, ObjectNode> tagging(Function<JsonNode, ObjectNode> create, String arnMember) {
    return rq -> {
      ObjectNode out = create.apply(rq);
      if (rq.has("tags")) {
        add(out.path(arnMember).asText(), rq.get("tags"));
      }
      return out;
    };
  }

  /** Wraps DeleteStateMachine/DeleteActivity so that a re-created resource starts without tags. */
  Function<JsonNode, ObjectNode> forgetting(
      Function<JsonNode, ObjectNode> delete, String arnMember) {
    return rq -> {
      ObjectNode out = delete.apply(rq);
      tags.remove(rq.path(arnMember).asText());
      return out;
    };
  }

  private void add(String arn, JsonNode list) {
    Map<String, String> t = tags.computeIfAbsent(arn, a -> new TreeMap<>());
    list.forEach(tag -> t.put(Req.required(tag, "key"), tag.path("value").asText("")));
  }

  private String resource(JsonNode rq) {
    String arn = Arns.check(Req.required(rq, "resourceArn"), TAGGABLE);
    boolean exists =
        arn.contains(":activity:")
            ? engine.tasks().listActivities().contains(arn)
            : engine.machines().listStateMachines().stream()
                .anyMatch(m -> m.stateMachineArn().equals(arn));
    if (!exists) {
      throw new StatesApiException("ResourceNotFound", "Resource not found: '" + arn + "'");
    }
    return arn;
  }
}
