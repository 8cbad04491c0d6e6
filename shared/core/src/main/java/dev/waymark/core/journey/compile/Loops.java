package dev.waymark.core.journey.compile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.journey.language.JourneyDocument;
import dev.waymark.core.journey.language.Step;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The steps a {@code repeat} goes back over, and what their task calls carry so that each pass is a
 * step of its own: the send ledger, the wait registrations and the steps function's ledger key on
 * (run, step), so a second pass through a send would otherwise answer the first pass's outcome and
 * send nothing. The pass is the loop's counter (0 the first time); a step inside several loops
 * combines their counters (each at most 10, so base 11 keeps them apart). Sends and waits get the
 * step id {@code <id>#<pass>} from the second pass on; steps-function calls get {@code iteration}.
 */
final class Loops {
  private final Map<String, List<String>> counters = new HashMap<>();

  Loops(JourneyDocument doc) {
    for (Step step : doc.steps()) {
      if (step instanceof Step.Repeat repeat) {
        for (String inside : body(doc, repeat)) {
          counters.computeIfAbsent(inside, k -> new ArrayList<>()).add(Graph.counter(repeat));
        }
      }
    }
  }

  /** The pass number of a step as JSONata, when the step is inside a loop. */
  Optional<String> pass(String stepId) {
    List<String> loops = counters.get(stepId);
    if (loops == null) {
      return Optional.empty();
    }
    String pass = "$" + loops.get(0);
    for (String counter : loops.subList(1, loops.size())) {
      pass = "(" + pass + ") * 11 + $" + counter;
    }
    return Optional.of(pass);
  }

  /** A send or wait payload: its {@code stepId} gains {@code #<pass>} from the second pass on. */
  ObjectNode passStepId(ObjectNode payload, String stepId) {
    pass(stepId)
        .ifPresent(
            n ->
                payload.put(
                    "stepId",
                    Expr.of(
                        "'"
                            + payload.path("stepId").asText()
                            + "' & ("
                            + n
                            + " > 0 ? '#' & $string("
                            + n
                            + ") : '')")));
    return payload;
  }

  /** A steps-function payload: {@code iteration} is the pass. */
  ObjectNode passIteration(ObjectNode payload, String stepId) {
    pass(stepId).ifPresent(n -> payload.put("iteration", Expr.of(n)));
    return payload;
  }

  /** The steps from {@code back} that lead to the repeat without going back again. */
  private static Set<String> body(JourneyDocument doc, Step.Repeat repeat) {
    Set<String> fromBack = reach(doc, repeat.back(), false);
    Set<String> toRepeat = reach(doc, repeat.id(), true);
    fromBack.retainAll(toRepeat);
    fromBack.remove(repeat.id());
    return fromBack;
  }

  private static Set<String> reach(JourneyDocument doc, String start, boolean backwards) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(start));
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (!seen.add(id)) {
        continue;
      }
      for (Step step : doc.steps()) {
        for (String next : forward(step)) {
          if (!backwards && step.id().equals(id)) {
            todo.push(next);
          } else if (backwards && next.equals(id)) {
            todo.push(step.id());
          }
        }
      }
    }
    return seen;
  }

  /** A step's successors without a repeat's way back. */
  private static List<String> forward(Step step) {
    return step instanceof Step.Repeat r ? r.then().stream().toList() : step.successors();
  }
}
