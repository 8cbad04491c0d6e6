package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.asl.Definition;

/** Runs a state machine, branch or item processor from StartAt to an end state. */
final class Interpreter {
  private Interpreter() {}

  /**
   * Returns the final output; throws StatesFailure for an unhandled error, Aborted when cancelled.
   */
  static JsonNode run(Definition def, JsonNode input, Frame frame) {
    String current = def.startAt();
    JsonNode data = input;
    while (true) {
      if (frame.cancel.isSet()) {
        throw new Aborted();
      }
      Transition t = StateRunner.run(new StateRun(frame, def, current, data));
      if (t.next() == null) {
        return t.output();
      }
      current = t.next();
      data = t.output();
    }
  }
}
