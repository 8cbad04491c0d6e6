package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Workflow variables: a scope that sees its parent's variables (Parallel branches, Map iterations).
 */
public final class Variables {
  private final Variables parent;
  private final Map<String, JsonNode> local = new LinkedHashMap<>();

  public Variables(Variables parent) {
    this.parent = parent;
  }

  public synchronized JsonNode get(String name) {
    JsonNode v = local.get(name);
    if (v == null && parent != null) {
      return parent.get(name);
    }
    return v;
  }

  public synchronized void assign(Map<String, JsonNode> values) {
    local.putAll(values);
  }

  /** Every visible variable, inner scopes shadowing outer. */
  public synchronized Map<String, JsonNode> all() {
    Map<String, JsonNode> out = parent == null ? new LinkedHashMap<>() : parent.all();
    out.putAll(local);
    return out;
  }
}
