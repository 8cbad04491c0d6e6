package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.waymark.states.StatesFailure;
import dev.waymark.states.asl.Definition;
import dev.waymark.states.json.Json;

/**
 * The Parallel state: every branch gets the same input; the result is the array of branch outputs.
 */
final class ParallelState {
  private ParallelState() {}

  static Transition run(StateRun r) {
    return ErrorHandling.run(
        r,
        () -> attempt(r),
        f -> {
          StateRunner.logEvaluationFailure(r, f);
          // Recordings: caught failures log ParallelStateFailed in JSONPath states but not in
          // JSONata states.
          if (!r.jsonata || !ErrorHandling.caught(r, f)) {
            r.frame.event("ParallelStateFailed", null, null);
          }
        });
  }

  private static Transition attempt(StateRun r) {
    JsonNode eff = Io.effectiveInput(r);
    JsonNode branchInput = Io.parameters(r, eff);
    r.frame.event("ParallelStateStarted", null, null);
    if (r.test != null && r.test.mocked()) {
      JsonNode mocked = r.test.mockOutcome();
      if (r.test.inspection != null) {
        r.test.inspection.remove("afterInputPath");
        r.test.inspection.remove("afterParameters");
      }
      return Io.finish(r, Io.resultSelector(r, mocked), eff, SimpleStates.next(r));
    }
    JsonNode branches = r.field("Branches");
    String lang = r.def.languageOf(r.state);
    Fanout.Outcome o =
        Fanout.run(
            r,
            branches.size(),
            0,
            0,
            (i, group) -> {
              Frame child = r.frame.child(r.frame.mapItem, group);
              child.parallelBranch = true;
              return Interpreter.run(Definition.of(branches.get(i), lang), branchInput, child);
            });
    for (StatesFailure f : o.failures()) {
      if (f != null) {
        throw f;
      }
    }
    ArrayNode result = Json.array();
    for (JsonNode out : o.outputs()) {
      result.add(out);
    }
    JsonNode selected = Io.resultSelector(r, result);
    return Io.finish(r, selected, eff, SimpleStates.next(r));
  }
}
