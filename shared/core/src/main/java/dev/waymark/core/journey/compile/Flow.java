package dev.waymark.core.journey.compile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.journey.language.Step;
import dev.waymark.core.json.Json;
import java.util.List;
import java.util.Optional;

/** branch, split, update, webhook and repeat steps. */
final class Flow {
  private Flow() {}

  /** The steps function picks the path ({@code {"next": id}}), a Choice follows it. */
  static void branch(StepStates out, Step.Branch step) {
    ObjectNode payload = Payloads.step("branch", step.id());
    ArrayNode conditions = payload.putArray("conditions");
    step.conditions().forEach(c -> conditions.add(Expr.literals(condition(c))));
    step.otherwise().ifPresent(o -> payload.put("default", o));
    choose(
        out,
        step,
        payload,
        step.conditions().stream().map(Step.Condition::next).toList(),
        Optional.of(out.graph().target(step.otherwise())));
  }

  /** The steps function draws (and records) the variant, a Choice follows its {@code next}. */
  static void split(StepStates out, Step.Split step) {
    ObjectNode payload = Payloads.step("split", step.id());
    ArrayNode variants = payload.putArray("variants");
    for (Step.Variant v : step.variants()) {
      ObjectNode o = variants.addObject().put("name", v.name()).put("percent", v.percent());
      v.next().ifPresent(n -> o.put("next", n));
    }
    List<Optional<String>> nexts = step.variants().stream().map(Step.Variant::next).toList();
    Optional<Graph.Target> otherwise =
        nexts.stream().anyMatch(Optional::isEmpty)
            ? Optional.of(out.graph().target(Optional.empty()))
            : Optional.empty();
    choose(out, step, payload, nexts, otherwise);
  }

  private static void choose(
      StepStates out,
      Step step,
      ObjectNode payload,
      List<Optional<String>> nexts,
      Optional<Graph.Target> otherwise) {
    String kind = step instanceof Step.Branch ? "branch" : "split";
    ObjectNode task = out.stepTask(payload);
    task.put("Next", StateNames.of(kind, step.id(), "next"));
    out.put(out.graph().entry(step), task);
    out.put(StateNames.of(kind, step.id(), "next"), out.route(nexts, otherwise));
  }

  private static ObjectNode condition(Step.Condition condition) {
    ObjectNode o = Json.object();
    switch (condition) {
      case Step.TraitCondition t -> {
        o.put("trait", t.trait()).put("op", t.op().key());
        Payloads.value(o, t.value());
      }
      case Step.EntryCondition e -> {
        o.put("entry", e.filter().field()).put("op", e.filter().op().key());
        Payloads.value(o, e.filter().value());
      }
      case Step.SegmentCondition s -> o.put("segment", s.segment()).put("member", s.member());
      case Step.MessageCondition m -> o.put("message", m.step()).put("status", m.status().name());
    }
    condition.next().ifPresent(n -> o.put("next", n));
    return o;
  }

  /** One call; the steps function applies it once per (run, step). */
  static void update(StepStates out, Step.Update step) {
    ObjectNode payload = Payloads.step("update", step.id());
    ObjectNode set = payload.putObject("set");
    new java.util.TreeMap<>(step.set()).forEach((k, v) -> set.set(k, Expr.literals(v)));
    ObjectNode increment = payload.putObject("increment");
    new java.util.TreeMap<>(step.increment())
        .forEach(
            (k, v) -> {
              if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                increment.put(k, v.longValue());
              } else {
                increment.put(k, v);
              }
            });
    ObjectNode task = out.stepTask(payload);
    StepStates.link(task, out.graph().target(step.next()));
    out.put(out.graph().entry(step), task);
  }

  /**
   * One call; the response is kept in the variable {@code webhooks} under the step id (later sends
   * get it as {@code data.webhooks}). The function retries the endpoint itself, so only Lambda's
   * own transient errors are retried here (not {@code States.TaskFailed}, which would repeat the
   * call's retries whatever name its error has), and any failure takes {@code onError}.
   */
  static void webhook(StepStates out, Step.Webhook step) {
    ObjectNode payload = Payloads.step("webhook", step.id());
    payload.put("method", step.method()).put("url", Expr.literal(step.url()));
    ObjectNode headers = payload.putObject("headers");
    new java.util.TreeMap<>(step.headers()).forEach((k, v) -> headers.put(k, Expr.literal(v)));
    step.body().ifPresent(b -> payload.put("body", Expr.literal(b)));
    payload.put("timeoutSeconds", Spans.seconds(step.timeout()).orElseThrow());
    payload.put("retries", step.retries());
    ObjectNode task = out.stepTask(payload);
    String response = "{" + Expr.text(step.id()) + ": $states.result.Payload}";
    task.putObject("Assign")
        .put(
            "webhooks",
            Expr.of(out.initial(step) ? response : "$merge([$webhooks, " + response + "])"));
    task.set("Retry", StepStates.lambdaServiceRetry());
    ObjectNode onError = task.putArray("Catch").addObject();
    onError.putArray("ErrorEquals").add("States.ALL");
    onError.put("Next", out.graph().target(step.onError()).state());
    StepStates.link(task, out.graph().target(step.next()));
    out.put(out.graph().entry(step), task);
  }

  /** A Choice on the step's counter: back (counting) while under {@code max}, then on. */
  static void repeat(StepStates out, Step.Repeat step) {
    String counter = "$" + Graph.counter(step);
    ObjectNode choice = Json.object().put("Type", "Choice");
    ObjectNode again = choice.putArray("Choices").addObject();
    again.put("Condition", Expr.of(counter + " < " + step.max()));
    again.putObject("Assign").put(Graph.counter(step), Expr.of(counter + " + 1"));
    again.put("Next", out.graph().target(Optional.of(step.back())).state());
    choice.put("Default", out.graph().target(step.then()).state());
    out.put(out.graph().entry(step), choice);
  }
}
