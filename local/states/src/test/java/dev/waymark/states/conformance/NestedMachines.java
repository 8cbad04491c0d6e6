package dev.waymark.states.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.StatesEngine;
import dev.waymark.states.json.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates the child state machines that startExecution cases reference: the case lists its
 * templates; the child's definition is taken from another corpus case recorded with that template
 * as its own definition.
 */
final class NestedMachines {
  private static final Pattern ARN =
      Pattern.compile("arn:aws:states:[^:]+:[0-9]+:stateMachine:([A-Za-z0-9_-]+)");
  private static volatile Map<String, String> templates = Map.of();

  private NestedMachines() {}

  /** Indexes template path to definition over the whole corpus. */
  static void index(List<JsonNode> cases) {
    Map<String, String> m = new HashMap<>();
    for (JsonNode c : cases) {
      JsonNode def = c.get("definition");
      String t = c.path("template_of_definition").asText(null);
      if (t != null && def != null && def.isObject()) {
        m.putIfAbsent(t, Json.write(def));
      }
    }
    templates = m;
  }

  static void prepare(StatesEngine engine, JsonNode c) {
    String own = c.path("template_of_definition").asText("");
    String child = null;
    for (JsonNode t : c.path("templates")) {
      if (!t.asText().equals(own) && templates.containsKey(t.asText())) {
        child = templates.get(t.asText());
      }
    }
    if (child == null) {
      return;
    }
    Matcher m = ARN.matcher(c.path("input").toString() + c.path("definition").toString());
    while (m.find()) {
      if (m.group(1).toLowerCase().contains("nosuch")) {
        continue; // the case expects this machine to be missing
      }
      try {
        engine.machines().createStateMachine(m.group(1), child);
      } catch (RuntimeException e) {
        // already created or invalid: the case will report it
      }
    }
  }
}
