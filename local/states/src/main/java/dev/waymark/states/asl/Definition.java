package dev.waymark.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A parsed (and validated) state machine or branch: StartAt, States and the default QueryLanguage.
 */
public record Definition(ObjectNode root, String startAt, ObjectNode states, String queryLanguage) {

  public static final String JSONPATH = "JSONPath";
  public static final String JSONATA = "JSONata";

  /**
   * Wraps a machine/branch/ItemProcessor node; {@code inheritedLanguage} applies when it declares
   * none.
   */
  public static Definition of(JsonNode node, String inheritedLanguage) {
    ObjectNode root = (ObjectNode) node;
    String ql = root.has("QueryLanguage") ? root.get("QueryLanguage").asText() : inheritedLanguage;
    return new Definition(root, root.path("StartAt").asText(), (ObjectNode) root.get("States"), ql);
  }

  public JsonNode state(String name) {
    return states.get(name);
  }

  /** The query language of a state: its own QueryLanguage field or the definition's. */
  public String languageOf(JsonNode state) {
    return state.has("QueryLanguage") ? state.get("QueryLanguage").asText() : queryLanguage;
  }
}
