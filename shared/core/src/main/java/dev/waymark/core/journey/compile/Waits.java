package dev.waymark.core.journey.compile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.journey.language.Step;
import dev.waymark.core.json.Json;
import java.util.List;
import java.util.Optional;
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
   * {@code performed}); the state's timeout is caught, then {@code timedOut}. The time-out is
   * recorded (registration removed, trace, counter) by the first send of {@code timedOut} when
   * {@link #fusedTimeout} allows, else by a cancel Task before it.
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
    Graph.Target timedOut = out.graph().target(step.timedOut());
    boolean fused =
        step.timedOut()
            .map(id -> out.graph().step(id))
            .filter(s -> s instanceof Step.Send send && fusedTimeout(out.graph(), send).isPresent())
            .isPresent();
    String cancel = StateNames.of("await", step.id(), "cancel");
    task.putArray("Catch")
        .addObject()
        .<ObjectNode>set("ErrorEquals", Json.MAPPER.createArrayNode().add("States.Timeout"))
        .put("Next", fused ? timedOut.state() : cancel);
    StepStates.link(task, out.graph().target(step.performed()));
    out.put(out.graph().entry(step), task);
    if (fused) {
      return;
    }
    ObjectNode cancelTask =
        StepStates.task(
            StepStates.LAMBDA,
            out.fns().await(),
            out.graph().loops().passStepId(Payloads.cancel(step), step.id()));
    cancelTask.set("Retry", StepStates.lambdaRetry());
    StepStates.link(cancelTask, timedOut);
    out.put(cancel, cancelTask);
  }

  /**
   * The waitFor whose time-out the send records, when the send is reached only from that time-out
   * (its only way in, not the first step, neither inside a repeat loop): then the send's payload
   * carries {@code timedOut} and no cancel Task runs between them.
   */
  static Optional<String> fusedTimeout(Graph graph, Step.Send send) {
    if (send.id().equals(graph.start()) || graph.loops().pass(send.id()).isPresent()) {
      return Optional.empty();
    }
    List<Step> into = graph.into(send.id());
    return into.size() == 1
            && into.get(0) instanceof Step.WaitFor w
            && w.timedOut().equals(Optional.of(send.id()))
            && graph.loops().pass(w.id()).isEmpty()
        ? Optional.of(w.id())
        : Optional.empty();
  }
}
