package dev.waymark.core.journey.compile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.journey.language.Step;
import dev.waymark.core.json.Json;
import java.util.OptionalLong;

/** wait and waitFor steps. */
final class Waits {
  private Waits() {}

  /**
   * A duration or a fixed instant is one Wait state. A time of day or a date needs the person's
   * time zone: the steps function computes the instant ({@code waitUntil}), then a Wait.
   */
  static void wait(StepStates out, Step.Wait step) {
    Graph.Target next = out.graph().target(step.next());
    ObjectNode wait = Json.object().put("Type", "Wait");
    if (step.duration().isPresent()) {
      OptionalLong seconds = Spans.seconds(step.duration().get());
      if (seconds.isPresent()) {
        wait.put("Seconds", seconds.getAsLong());
      } else {
        wait.put("Timestamp", Expr.of(Spans.endExpression(step.duration().get())));
      }
    } else if (!Graph.computed(step)) {
      wait.put("Timestamp", step.until().orElseThrow().instant().orElseThrow().toString());
    } else {
      Step.Until until = step.until().get();
      ObjectNode payload = Payloads.step("waitUntil", step.id());
      ObjectNode u = payload.putObject("until");
      until.timeOfDay().ifPresent(t -> u.put("timeOfDay", t.toString()));
      until.date().ifPresent(d -> u.put("date", Expr.literal(d)));
      until.offset().ifPresent(o -> u.put("offset", o.text()));
      ObjectNode task = out.stepTask(payload);
      task.put("Next", StateNames.of("wait", step.id()));
      out.put(out.graph().entry(step), task);
      wait.put("Timestamp", Expr.of("$states.input.until"));
    }
    StepStates.link(wait, next);
    out.put(StateNames.of("wait", step.id()), wait);
  }

  /**
   * The await function registers the wait with the task token; the event resumes the run (next:
   * {@code performed}); the state's timeout is caught, the registration cancelled, then {@code
   * timedOut}.
   */
  static void waitFor(StepStates out, Step.WaitFor step) {
    Object timeout = StepStates.seconds(step.timeout());
    ObjectNode task =
        StepStates.task(
            StepStates.LAMBDA_TOKEN,
            out.fns().await(),
            out.graph().loops().passStepId(Payloads.await(step, timeout), step.id()));
    if (timeout instanceof Long seconds) {
      task.put("TimeoutSeconds", seconds);
    } else {
      task.put("TimeoutSeconds", (String) timeout);
    }
    String cancel = StateNames.of("await", step.id(), "cancel");
    task.putArray("Catch")
        .addObject()
        .<ObjectNode>set("ErrorEquals", Json.MAPPER.createArrayNode().add("States.Timeout"))
        .put("Next", cancel);
    StepStates.link(task, out.graph().target(step.performed()));
    out.put(out.graph().entry(step), task);

    ObjectNode cancelTask =
        StepStates.task(
            StepStates.LAMBDA,
            out.fns().await(),
            out.graph().loops().passStepId(Payloads.cancel(step), step.id()));
    cancelTask.set("Retry", StepStates.lambdaRetry());
    StepStates.link(cancelTask, out.graph().target(step.timedOut()));
    out.put(cancel, cancelTask);
  }
}
