package dev.waymark.core.journey.compile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.journey.language.JourneyDocument;
import dev.waymark.core.journey.language.Step;
import dev.waymark.core.json.Json;
import java.util.Optional;

/**
 * The document's steps as the compiler sees them: each step's first state, where a path leads, and
 * the run's variables (a counter per repeat, the webhook responses).
 */
final class Graph {
  private final JourneyDocument doc;
  private final Loops loops;

  Graph(JourneyDocument doc) {
    this.doc = doc;
    this.loops = new Loops(doc);
  }

  /** The steps inside repeat loops, and how their task calls tell one pass from another. */
  Loops loops() {
    return loops;
  }

  /**
   * Where a path leads: the first state of a step, or the end of the run ({@code end} is then the
   * Succeed state a Choice or Catch goes to: {@code end}, or the exit step's own state).
   */
  record Target(String state, boolean end) {}

  /** The step the run starts with. */
  String start() {
    return doc.start();
  }

  /** The steps that lead to step {@code id}, once per way (a step may lead there twice). */
  java.util.List<Step> into(String id) {
    return doc.steps().stream()
        .flatMap(s -> s.successors().stream().filter(id::equals).map(n -> s))
        .toList();
  }

  Step step(String id) {
    return doc.step(id).orElseThrow(() -> new IllegalArgumentException("unknown step " + id));
  }

  Target target(Optional<String> next) {
    if (next.isEmpty()) {
      return new Target(StateNames.END, true);
    }
    Step step = step(next.get());
    return new Target(entry(step), step instanceof Step.Exit);
  }

  /** The first state of a step. */
  String entry(Step step) {
    return switch (step) {
      case Step.Send s -> StateNames.of("send", s.id());
      case Step.Wait w -> StateNames.of("wait", w.id()) + (computed(w) ? ":until" : "");
      case Step.WaitFor f -> StateNames.of("await", f.id());
      case Step.Branch b -> StateNames.of("branch", b.id());
      case Step.Split s -> StateNames.of("split", s.id());
      case Step.Update u -> StateNames.of("update", u.id());
      case Step.Webhook h -> StateNames.of("webhook", h.id());
      case Step.Repeat r -> StateNames.of("repeat", r.id());
      case Step.Exit e -> StateNames.of("exit", e.id());
    };
  }

  /**
   * A wait whose moment the steps function computes (time of day or a date, in the person's zone).
   */
  static boolean computed(Step.Wait wait) {
    return wait.until().isPresent() && wait.until().get().instant().isEmpty();
  }

  boolean hasWebhooks() {
    return doc.steps().stream().anyMatch(Step.Webhook.class::isInstance);
  }

  boolean isRepeatTarget(String stepId) {
    return doc.steps().stream()
        .anyMatch(s -> s instanceof Step.Repeat r && r.back().equals(stepId));
  }

  static String counter(Step.Repeat repeat) {
    return "repeat_" + repeat.id().replace('-', '_');
  }

  /** The run's variables with their first values, in document order. */
  ObjectNode variables() {
    ObjectNode vars = Json.object();
    if (hasWebhooks()) {
      vars.putObject("webhooks");
    }
    doc.steps().stream()
        .filter(Step.Repeat.class::isInstance)
        .forEach(r -> vars.put(counter((Step.Repeat) r), 0));
    return vars;
  }
}
