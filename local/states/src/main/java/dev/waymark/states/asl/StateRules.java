package dev.waymark.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Per-state structural rules (transitions, reachability, error matchers, query-language fields).
 */
final class StateRules {
  private static final Set<String> JSONPATH_ONLY =
      Set.of("InputPath", "Parameters", "ResultSelector", "ResultPath", "OutputPath", "ItemsPath");
  private static final Set<String> JSONATA_ONLY = Set.of("Arguments", "Output", "Items");
  private static final Set<String> TERMINAL = Set.of("Choice", "Succeed", "Fail");

  private StateRules() {}

  static void check(
      String name, JsonNode s, String at, String ql, List<DefinitionValidator.Diagnostic> out) {
    String type = s.path("Type").asText();
    boolean end = s.path("End").asBoolean(false);
    if (!TERMINAL.contains(type) && !end && !s.has("Next")) {
      out.add(
          DefinitionValidator.error(
              "SCHEMA_VALIDATION_FAILED",
              "State '" + name + "' must have either 'Next' or 'End': true",
              at));
    }
    if (end && s.has("Next")) {
      out.add(
          DefinitionValidator.error(
              "SCHEMA_VALIDATION_FAILED",
              "State '" + name + "' cannot have both 'Next' and 'End'",
              at));
    }
    if (type.equals("Choice") && s.path("Choices").isEmpty()) {
      out.add(
          DefinitionValidator.error(
              "SCHEMA_VALIDATION_FAILED",
              "The field 'Choices' is required and must not be empty",
              at + "/Choices"));
    }
    String lang = s.has("QueryLanguage") ? s.get("QueryLanguage").asText() : ql;
    Set<String> foreign = Definition.JSONATA.equals(lang) ? JSONPATH_ONLY : JSONATA_ONLY;
    s.fieldNames()
        .forEachRemaining(
            f -> {
              if (foreign.contains(f)) {
                out.add(
                    DefinitionValidator.error(
                        "SCHEMA_VALIDATION_FAILED",
                        "The field '" + f + "' is not supported when the query language is " + lang,
                        at + "/" + f));
              }
            });
    label(s, at, out);
    assignNames(s.path("Assign"), at + "/Assign", out);
    for (JsonNode rule : s.path("Choices")) {
      assignNames(rule.path("Assign"), at + "/Choices/Assign", out);
    }
    for (JsonNode c : s.path("Catch")) {
      assignNames(c.path("Assign"), at + "/Catch/Assign", out);
    }
    matchers(s.path("Retry"), at + "/Retry", out);
    matchers(s.path("Catch"), at + "/Catch", out);
  }

  /**
   * Variable names: identifiers (a trailing ".$" marks a JSONPath value), not the reserved
   * "states".
   */
  private static void assignNames(
      JsonNode assign, String at, List<DefinitionValidator.Diagnostic> out) {
    assign
        .fieldNames()
        .forEachRemaining(
            key -> {
              String name = key.endsWith(".$") ? key.substring(0, key.length() - 2) : key;
              if (name.equals("states")) {
                out.add(
                    DefinitionValidator.error(
                        "SCHEMA_VALIDATION_FAILED", "The variable name 'states' is reserved", at));
              } else if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,79}")) {
                out.add(
                    DefinitionValidator.error(
                        "SCHEMA_VALIDATION_FAILED",
                        "Invalid variable name '"
                            + name
                            + "': use letters, digits and underscores, not starting with a digit, at most 80 characters",
                        at));
              }
            });
  }

  /** Map Label: non-empty, at most 40 characters, none of the characters AWS forbids in names. */
  private static void label(JsonNode s, String at, List<DefinitionValidator.Diagnostic> out) {
    if (!s.has("Label")) {
      return;
    }
    String label = s.get("Label").asText();
    String problem = null;
    if (label.isEmpty()) {
      problem = "Label cannot be empty";
    } else if (label.length() > 40) {
      problem = "Label cannot exceed 40 characters";
    } else {
      var m =
          java.util.regex.Pattern.compile("[\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\p{Cntrl}]")
              .matcher(label);
      if (m.find()) {
        problem = "Label contains invalid character: '" + m.group() + "'";
      }
    }
    if (problem != null) {
      out.add(DefinitionValidator.error("SCHEMA_VALIDATION_FAILED", problem, at + "/Label"));
    }
  }

  /** States.ALL must be alone in its ErrorEquals and in the last retrier/catcher. */
  private static void matchers(JsonNode list, String at, List<DefinitionValidator.Diagnostic> out) {
    for (int i = 0; i < list.size(); i++) {
      JsonNode names = list.get(i).path("ErrorEquals");
      for (JsonNode n : names) {
        if (n.asText().equals("States.ALL") && (names.size() > 1 || i < list.size() - 1)) {
          out.add(
              DefinitionValidator.error(
                  "SCHEMA_VALIDATION_FAILED",
                  "States.ALL must appear alone in " + "ErrorEquals and only in the last element",
                  at + "[" + i + "]/ErrorEquals"));
        }
      }
    }
  }

  /** Reports states that no transition reaches from StartAt. */
  static void reachability(JsonNode machine, String at, List<DefinitionValidator.Diagnostic> out) {
    JsonNode states = machine.get("States");
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(machine.path("StartAt").asText());
    while (!todo.isEmpty()) {
      String n = todo.pop();
      JsonNode s = states.get(n);
      if (s == null || !seen.add(n)) {
        continue;
      }
      addTarget(s, "Next", todo);
      addTarget(s, "Default", todo);
      s.path("Choices").forEach(c -> addTarget(c, "Next", todo));
      s.path("Catch").forEach(c -> addTarget(c, "Next", todo));
    }
    states
        .fieldNames()
        .forEachRemaining(
            n -> {
              if (!seen.contains(n)) {
                out.add(
                    DefinitionValidator.error(
                        "MISSING_TRANSITION_TARGET",
                        "State \"" + n + "\" is not reachable.",
                        at + "/States/" + n));
              }
            });
  }

  private static void addTarget(JsonNode s, String field, Deque<String> todo) {
    if (s.has(field)) {
      todo.add(s.get(field).asText());
    }
  }
}
