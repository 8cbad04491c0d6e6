package dev.waymark.core.journey.compile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.journey.language.JourneyDocument;
import dev.waymark.core.journey.language.Step;
import dev.waymark.core.json.Json;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compiles a journey document (already validated by the parser) to Amazon States Language in
 * JSONata mode. The same document always gives the same bytes: states follow the document's step
 * order, fields a fixed order, and {@link AslWriter} prints them. How each step compiles, and what
 * it costs in state transitions, is in docs/journey-compiler.md.
 */
public final class JourneyCompiler {
  private JourneyCompiler() {}

  /** Compiles with no template version pinned (a draft, or a test). */
  public static CompiledJourney compile(JourneyDocument doc, TaskFunctions fns) {
    return compile(doc, fns, Map.of());
  }

  /**
   * @param templateVersions template id → the version a send pins ({@code templateVersion} in its
   *     payload); templates not in the map are sent at their latest version
   */
  public static CompiledJourney compile(
      JourneyDocument doc, TaskFunctions fns, Map<String, String> templateVersions) {
    if (doc.start() == null) {
      doc =
          new JourneyDocument(doc.definition(), doc.steps().get(0).id(), doc.steps(), doc.source());
    }
    Graph graph = new Graph(doc);
    boolean prelude = !graph.variables().isEmpty() && graph.isRepeatTarget(doc.start());
    StepStates steps = new StepStates(graph, fns, templateVersions, prelude ? null : doc.start());
    doc.steps().forEach(steps::add);
    steps.addEnd();

    Map<String, ObjectNode> states = new LinkedHashMap<>();
    String startAt = graph.entry(graph.step(doc.start()));
    if (prelude) {
      ObjectNode start = Json.object().put("Type", "Pass");
      start.set("Assign", graph.variables());
      start.put("Next", startAt);
      states.put(StateNames.START, start);
      startAt = StateNames.START;
    }
    states.putAll(steps.states());
    if (!prelude && !graph.variables().isEmpty()) {
      initialise(states.get(startAt), graph.variables());
    }
    Map<String, ObjectNode> reachable = reachable(states, startAt);

    ObjectNode definition = Json.object();
    String name = doc.definition().name();
    definition.put("Comment", name == null || name.isBlank() ? doc.definition().id() : name);
    definition.put("QueryLanguage", "JSONata");
    definition.put("StartAt", startAt);
    ObjectNode out = definition.putObject("States");
    reachable.forEach(out::set);

    Set<String> templates = new TreeSet<>();
    doc.steps().stream()
        .filter(Step.Send.class::isInstance)
        .forEach(s -> templates.add(((Step.Send) s).template()));
    return new CompiledJourney(
        AslWriter.write(definition), reachable.size(), java.util.List.copyOf(templates));
  }

  /**
   * Gives the run's variables their first values on the first state (and on its Catch paths), so no
   * expression ever reads an unassigned variable.
   */
  private static void initialise(ObjectNode first, ObjectNode variables) {
    ObjectNode assign = first.get("Assign") instanceof ObjectNode a ? a : first.putObject("Assign");
    variables
        .properties()
        .forEach(
            e -> {
              if (!assign.has(e.getKey())) {
                assign.set(e.getKey(), e.getValue());
              }
            });
    for (JsonNode c : first.path("Catch")) {
      ObjectNode catchAssign =
          c.get("Assign") instanceof ObjectNode a ? a : ((ObjectNode) c).putObject("Assign");
      variables.properties().forEach(e -> catchAssign.set(e.getKey(), e.getValue()));
    }
  }

  /** The states reachable from {@code startAt}, in their original order. */
  private static Map<String, ObjectNode> reachable(Map<String, ObjectNode> states, String startAt) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(startAt);
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (!seen.add(name)) {
        continue;
      }
      ObjectNode state = states.get(name);
      if (state == null) {
        throw new IllegalStateException("no state " + name);
      }
      addText(todo, state.get("Next"));
      addText(todo, state.get("Default"));
      state.path("Choices").forEach(rule -> addText(todo, rule.get("Next")));
      state.path("Catch").forEach(c -> addText(todo, c.get("Next")));
    }
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    states.forEach(
        (name, state) -> {
          if (seen.contains(name)) {
            out.put(name, state);
          }
        });
    return out;
  }

  private static void addText(Deque<String> todo, JsonNode name) {
    if (name != null && name.isTextual()) {
      todo.add(name.textValue());
    }
  }
}
