package dev.waymark.core.journey.importer.pinpoint;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.journey.importer.pinpoint.ActivityGraph.Activity;
import dev.waymark.core.journey.importer.pinpoint.Conditions.Atom;
import dev.waymark.core.journey.importer.pinpoint.Conditions.Test;
import dev.waymark.core.journey.importer.pinpoint.ImportContext.Node;
import dev.waymark.core.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The activities that are not plain sends: waits, webhooks (CUSTOM), holdouts, random splits,
 * yes/no splits (ConditionalSplit) and multivariate splits (MultiCondition).
 */
final class Splits {
  static final double MAX_WAIT_DAYS = 365;
  private final ImportContext ctx;
  private final Activities steps;
  private final Conditions conditions;
  private final EventFilters events;

  Splits(ImportContext ctx, Activities steps, Conditions conditions, EventFilters events) {
    this.ctx = ctx;
    this.steps = steps;
    this.conditions = conditions;
    this.events = events;
  }

  /** Puts a {@code WaitTime} on a wait step: {@code duration} or {@code until: {instant}}. */
  void waitTime(String activity, Node at, ObjectNode step, boolean required) {
    if (!ctx.object(at)) {
      if (required) {
        ctx.fail(at, "is required: WaitFor or WaitUntil");
      }
      return;
    }
    ctx.ignoreUnknown(activity, at, Set.of("WaitFor", "WaitUntil"));
    Node waitFor = at.get("WaitFor");
    Node waitUntil = at.get("WaitUntil");
    if (waitFor.present() == waitUntil.present()) {
      ctx.fail(at, "must have exactly one of WaitFor and WaitUntil");
      return;
    }
    if (waitFor.present()) {
      Optional<String> duration = ctx.duration(waitFor);
      if (duration.isPresent()
          && ImportContext.approximateDays(duration.get()).orElse(0.0) > MAX_WAIT_DAYS) {
        ctx.fail(waitFor, "Waymark waits at most 365 days");
        return;
      }
      duration.ifPresent(d -> step.put("duration", d));
    } else {
      Optional<Instant> instant = ctx.instant(waitUntil);
      instant.ifPresent(i -> step.putObject("until").put("instant", i.toString()));
    }
  }

  /** A CUSTOM activity with an HTTPS endpoint: a webhook step posting the message data. */
  void webhook(Activity a) {
    Node s = a.settings();
    ctx.ignoreUnknown(
        a.key(),
        s,
        Set.of(
            "DeliveryUri",
            "EndpointTypes",
            "MessageConfig",
            "NextActivity",
            "TemplateName",
            "TemplateVersion"));
    ObjectNode step = steps.ownStep(a.key(), "webhook");
    step.put("method", "POST").put("url", ctx.text(s.get("DeliveryUri")).orElse(""));
    ObjectNode body = Json.object().put("activity", a.key()).put("profileId", "{{ profile.id }}");
    Node data = s.get("MessageConfig").get("Data");
    ctx.text(data)
        .ifPresent(
            text -> {
              if (text.contains("{{") || text.contains("{%")) {
                ctx.unmapped(
                    a.key(),
                    data,
                    "holds Pinpoint message variables, which are not Waymark's; left out of the body");
              } else {
                body.put("data", text);
              }
            });
    step.put("body", Json.write(body));
    steps.putRef(step, "next", s.get("NextActivity"));
    steps.putRef(step, "onError", s.get("NextActivity"));
    if (s.get("EndpointTypes").present()) {
      ctx.unmapped(
          a.key(),
          s.get("EndpointTypes"),
          "Waymark calls the webhook once per person, not once per endpoint type");
    }
    for (String field : List.of("TemplateName", "TemplateVersion")) {
      if (s.get(field).present()) {
        ctx.unmapped(
            a.key(), s.get(field), "custom message templates are not used by webhook steps");
      }
    }
  }

  /** A holdout after the start: a split whose held-out share ends the run there. */
  void holdout(Activity a) {
    Node s = a.settings();
    ctx.ignoreUnknown(a.key(), s, Set.of("Percentage", "NextActivity"));
    int percent = ctx.integer(s.get("Percentage"), 0, 100).orElse(100);
    if (percent == 100) {
      steps.ownStep(a.key(), "exit");
      return;
    }
    ObjectNode step = steps.ownStep(a.key(), "split");
    ArrayNode variants = step.putArray("variants");
    variants.addObject().put("name", "holdout").put("percent", percent);
    ObjectNode go = variants.addObject().put("name", "continue").put("percent", 100 - percent);
    steps.putRef(go, "next", s.get("NextActivity"));
  }

  /** A random split: a split step, one variant per path ({@code path-1}, ...). */
  void random(Activity a) {
    Node s = a.settings();
    ctx.ignoreUnknown(a.key(), s, Set.of("Branches"));
    List<Node> branches = ctx.items(s.get("Branches"), 5);
    if (branches.isEmpty()) {
      ctx.fail(s.get("Branches"), "is required: 1 to 5 paths");
      return;
    }
    ObjectNode step = steps.ownStep(a.key(), "split");
    ArrayNode variants = step.putArray("variants");
    int total = 0;
    for (int i = 0; i < branches.size(); i++) {
      Node branch = branches.get(i);
      ctx.ignoreUnknown(a.key(), branch, Set.of("Percentage", "NextActivity"));
      if (!branch.get("Percentage").present()) {
        ctx.fail(branch.get("Percentage"), "is required");
      }
      int percent = ctx.integer(branch.get("Percentage"), 0, 100).orElse(0);
      total += percent;
      if (percent > 0) {
        ObjectNode v = variants.addObject().put("name", "path-" + (i + 1)).put("percent", percent);
        steps.putRef(v, "next", branch.get("NextActivity"));
      }
    }
    if (!ctx.failed() && total != 100) {
      ctx.fail(s.get("Branches"), "the paths' percentages add up to " + total + ", not 100");
    }
  }

  /** A yes/no split: a wait for an event, or branch steps (after a wait, if it has one). */
  void conditional(Activity a) {
    Node s = a.settings();
    ctx.ignoreUnknown(
        a.key(), s, Set.of("Condition", "EvaluationWaitTime", "TrueActivity", "FalseActivity"));
    Node condition = s.get("Condition");
    if (!ctx.object(condition)) {
      ctx.fail(condition, "is required");
      return;
    }
    ctx.ignoreUnknown(a.key(), condition, Set.of("Conditions", "Operator"));
    List<Node> list = ctx.items(condition.get("Conditions"), 20);
    if (list.isEmpty()) {
      ctx.fail(condition.get("Conditions"), "is required: at least one condition");
      return;
    }
    String operator = ctx.text(condition.get("Operator")).orElse("ALL");
    if (!operator.equals("ALL") && !operator.equals("ANY")) {
      ctx.fail(condition.get("Operator"), "must be ALL or ANY");
      return;
    }
    String onTrue = steps.ref(ctx.text(s.get("TrueActivity")));
    String onFalse = steps.ref(ctx.text(s.get("FalseActivity")));
    Node event = list.get(0).get("EventCondition");
    if (list.size() == 1 && event.present() && !event.get("MessageActivity").present()) {
      if (!awaitEvent(a, event, s.get("EvaluationWaitTime"), onTrue, onFalse)) {
        afterWait(a, s.get("EvaluationWaitTime"), onFalse);
      }
      return;
    }
    List<Test> tests = new ArrayList<>();
    for (Node c : list) {
      tests.add(conditions.simple(a.key(), c));
    }
    Test test =
        tests.size() == 1
            ? tests.get(0)
            : operator.equals("ALL") ? new Conditions.All(tests) : new Conditions.AnyOf(tests);
    afterWait(
        a,
        s.get("EvaluationWaitTime"),
        conditions.compile(test, steps.stepOf(a.key()), onTrue, onFalse));
  }

  /** "Did they do X within the evaluation time?" as a waitFor step; false if it cannot be one. */
  private boolean awaitEvent(
      Activity a, Node event, Node evaluation, String onTrue, String onFalse) {
    ctx.ignoreUnknown(a.key(), event, Set.of("Dimensions", "MessageActivity"));
    Optional<String> timeout = ctx.duration(evaluation.get("WaitFor"));
    if (timeout.isEmpty()) {
      ctx.unmapped(
          a.key(),
          evaluation,
          "waiting for an event needs an EvaluationWaitTime of WaitFor (a duration); counted as not met");
      return false;
    }
    Optional<EventFilters.Event> awaited = events.read(a.key(), event.get("Dimensions"));
    if (awaited.isEmpty()) {
      return false;
    }
    ObjectNode step = steps.ownStep(a.key(), "waitFor");
    step.put("event", awaited.get().name());
    if (!awaited.get().filters().isEmpty()) {
      step.set("filters", awaited.get().filters());
    }
    step.put("timeout", timeout.get());
    if (onTrue != null) {
      step.put("performed", onTrue);
    }
    if (onFalse != null) {
      step.put("timedOut", onFalse);
    }
    ctx.unmapped(
        a.key(),
        evaluation,
        "Pinpoint takes the yes path when the evaluation time is over; Waymark as soon as the event"
            + " comes (the no path at the same time as Pinpoint)");
    return true;
  }

  /** A multivariate split: one branch step when every path is one condition, else a chain. */
  void multi(Activity a) {
    Node s = a.settings();
    ctx.ignoreUnknown(a.key(), s, Set.of("Branches", "DefaultActivity", "EvaluationWaitTime"));
    List<Node> branches = ctx.items(s.get("Branches"), 4);
    if (branches.isEmpty()) {
      ctx.fail(s.get("Branches"), "is required: 1 to 4 paths");
      return;
    }
    List<Test> tests = new ArrayList<>();
    List<String> next = new ArrayList<>();
    for (Node branch : branches) {
      ctx.ignoreUnknown(a.key(), branch, Set.of("Condition", "NextActivity"));
      tests.add(conditions.simple(a.key(), branch.get("Condition")));
      next.add(steps.ref(ctx.text(branch.get("NextActivity"))));
    }
    String otherwise = steps.ref(ctx.text(s.get("DefaultActivity")));
    String base = steps.stepOf(a.key());
    String entry;
    if (tests.stream().allMatch(t -> t instanceof Atom atom && !atom.negated())) {
      ObjectNode step = steps.newStep(base, "branch");
      ArrayNode list = step.putArray("conditions");
      for (int i = 0; i < tests.size(); i++) {
        ObjectNode c = ((Atom) tests.get(i)).condition().deepCopy();
        if (next.get(i) != null) {
          c.put("next", next.get(i));
        }
        list.add(c);
      }
      if (otherwise != null) {
        step.put("default", otherwise);
      }
      entry = step.path("id").asText();
    } else {
      entry = otherwise;
      for (int i = tests.size() - 1; i >= 0; i--) {
        entry = conditions.compile(tests.get(i), base, next.get(i), entry);
      }
    }
    afterWait(a, s.get("EvaluationWaitTime"), entry);
  }

  /** The activity's step: a wait for its evaluation time before {@code entry}, or entry itself. */
  private void afterWait(Activity a, Node evaluation, String entry) {
    if (!evaluation.present()) {
      steps.entry(a.key(), entry);
      return;
    }
    ObjectNode wait = steps.ownStep(a.key(), "wait");
    waitTime(a.key(), evaluation, wait, false);
    if (entry != null) {
      wait.put("next", entry);
    }
  }
}
