package dev.waymark.states.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.StateMachineType;
import dev.waymark.states.StatesApiException;
import dev.waymark.states.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Static validation of ASL definitions, with AWS's diagnostic codes and messages where known. */
public final class DefinitionValidator {
  private static final Set<String> TYPES =
      Set.of("Pass", "Task", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map");

  /**
   * One finding; {@code location} is a JSON pointer such as {@code /States/Task/Resource} (may be
   * null).
   */
  public record Diagnostic(String severity, String code, String message, String location) {}

  private DefinitionValidator() {}

  /**
   * CreateStateMachine-style: throws InvalidDefinition with AWS's message format on the first
   * error.
   */
  public static void validateOrThrow(String definition, StateMachineType type) {
    validateOrThrow(definition, type, true);
  }

  /**
   * As {@link #validateOrThrow(String, StateMachineType)}; {@code transitions=false} skips
   * Next/Default targets.
   */
  public static void validateOrThrow(
      String definition, StateMachineType type, boolean transitions) {
    List<Diagnostic> ds = validate(definition, type);
    if (!transitions) {
      ds = ds.stream().filter(d -> !d.code().equals("MISSING_TRANSITION_TARGET")).toList();
    }
    if (!ds.isEmpty()) {
      Diagnostic d = ds.get(0);
      String at = d.location() == null ? "" : " at " + d.location();
      throw new StatesApiException(
          "InvalidDefinition",
          "Invalid State Machine Definition: '" + d.code() + ": " + d.message() + at + "'");
    }
  }

  public static List<Diagnostic> validate(String definition, StateMachineType type) {
    List<Diagnostic> out = new ArrayList<>();
    if (definition == null || definition.isBlank()) {
      out.add(error("SCHEMA_VALIDATION_FAILED", "Definition must be a valid JSON object", null));
      return out;
    }
    JsonNode root;
    try {
      root =
          Json.MAPPER
              .reader()
              .with(com.fasterxml.jackson.core.StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
              .readTree(definition);
    } catch (JsonProcessingException e) {
      String loc = e.getLocation() == null ? null : e.getLocation().toString();
      out.add(error("INVALID_JSON_DESCRIPTION", e.getMessage(), loc));
      return out;
    }
    if (root == null || !root.isObject()) {
      out.add(error("SCHEMA_VALIDATION_FAILED", "Definition must be a valid JSON object", null));
      return out;
    }
    machine(root, "", root.path("QueryLanguage").asText(Definition.JSONPATH), type, out);
    return out;
  }

  private static void machine(
      JsonNode m, String at, String inheritedQl, StateMachineType type, List<Diagnostic> out) {
    List<String> missing = new ArrayList<>();
    if (!m.has("States")) {
      missing.add("States");
    }
    if (!m.has("StartAt")) {
      missing.add("StartAt");
    }
    if (!missing.isEmpty()) {
      out.add(
          error(
              "SCHEMA_VALIDATION_FAILED",
              "These fields are required: " + missing,
              at.isEmpty() ? "/" : at));
      return;
    }
    String ql = m.has("QueryLanguage") ? m.get("QueryLanguage").asText() : inheritedQl;
    JsonNode states = m.get("States");
    if (!states.has(m.get("StartAt").asText())) {
      out.add(
          error(
              "SCHEMA_VALIDATION_FAILED",
              "StartAt '" + m.get("StartAt").asText() + "' does not reference a state",
              at.isEmpty() ? "/StartAt" : at + "/StartAt"));
    }
    states
        .fields()
        .forEachRemaining(
            e ->
                state(
                    e.getKey(), e.getValue(), states, at + "/States/" + e.getKey(), ql, type, out));
    if (out.isEmpty()) {
      StateRules.reachability(m, at, out);
    }
  }

  private static void state(
      String name,
      JsonNode s,
      JsonNode siblings,
      String at,
      String ql,
      StateMachineType type,
      List<Diagnostic> out) {
    String t = s.path("Type").asText();
    if (!TYPES.contains(t)) {
      out.add(
          error(
              "SCHEMA_VALIDATION_FAILED",
              "The field 'Type' should have one of these values: "
                  + "[Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]",
              at + "/Type"));
      return;
    }
    if (at.indexOf("/States/") == at.lastIndexOf("/States/")
        && Definition.JSONATA.equals(ql)
        && Definition.JSONPATH.equals(s.path("QueryLanguage").asText())) {
      out.add(
          error(
              "SCHEMA_VALIDATION_FAILED",
              "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for "
                  + "whole state machine",
              at));
    }
    String stateQl = s.has("QueryLanguage") ? s.get("QueryLanguage").asText() : ql;
    StateRules.check(name, s, at, ql, out);
    transition(s, "Next", siblings, at, out);
    transition(s, "Default", siblings, at, out);
    for (JsonNode c : s.path("Choices")) {
      transition(c, "Next", siblings, at, out);
    }
    for (JsonNode c : s.path("Catch")) {
      transition(c, "Next", siblings, at, out);
    }
    if (t.equals("Task")) {
      task(s, at, type, out);
    }
    int i = 0;
    for (JsonNode b : s.path("Branches")) {
      machine(b, at + "/Branches[" + i++ + "]", stateQl, type, out);
    }
    JsonNode proc = s.has("ItemProcessor") ? s.get("ItemProcessor") : s.get("Iterator");
    if (proc != null) {
      machine(
          proc, at + (s.has("ItemProcessor") ? "/ItemProcessor" : "/Iterator"), stateQl, type, out);
    }
  }

  private static void transition(
      JsonNode s, String field, JsonNode siblings, String at, List<Diagnostic> out) {
    if (s.has(field) && !siblings.has(s.get(field).asText())) {
      out.add(
          error(
              "MISSING_TRANSITION_TARGET",
              "Missing '" + field + "' target: " + s.get(field).asText(),
              at + "/" + field));
    }
  }

  private static void task(JsonNode s, String at, StateMachineType type, List<Diagnostic> out) {
    String res = s.path("Resource").asText();
    var dynamo =
        java.util.regex.Pattern.compile("^arn:[^:]+:states:::dynamodb:(\\w+)$").matcher(res);
    if (dynamo.matches()
        && !Set.of("getItem", "putItem", "updateItem", "deleteItem").contains(dynamo.group(1))) {
      out.add(
          error(
              "SCHEMA_VALIDATION_FAILED",
              "The resource provided "
                  + res
                  + " is not recognized. The value "
                  + "is not a valid resource ARN, or the resource is not available in this region.",
              at + "/Resource"));
    }
    if (s.has("Credentials")
        && !s.get("Credentials").has("RoleArn")
        && !s.get("Credentials").has("RoleArn.$")) {
      out.add(
          error(
              "SCHEMA_VALIDATION_FAILED",
              "The field 'RoleArn' is required but was missing",
              at + "/Credentials"));
    }
    if (type == StateMachineType.EXPRESS) {
      if (res.endsWith(".waitForTaskToken")) {
        out.add(
            error(
                "SCHEMA_VALIDATION_FAILED",
                "Express state machine does not support "
                    + "'.waitForTaskToken' service integration ",
                at + "/Resource"));
      } else if (res.endsWith(".sync") || res.endsWith(".sync:2")) {
        out.add(
            error(
                "SCHEMA_VALIDATION_FAILED",
                "Express state machine does not support '.sync' service " + "integration",
                at + "/Resource"));
      } else if (res.contains(":activity:")) {
        out.add(
            error(
                "SCHEMA_VALIDATION_FAILED",
                "Express state machine does not support Activity ARN",
                at + "/Resource"));
      }
    }
  }

  static Diagnostic error(String code, String message, String location) {
    return new Diagnostic("ERROR", code, message, location);
  }
}
