package dev.waymark.core.journey.compile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.journey.language.Step;
import dev.waymark.core.json.Json;
import dev.waymark.core.message.Channel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** The states of each step, in document order (docs/journey-compiler.md shows each shape). */
final class StepStates {
  static final String LAMBDA = "arn:aws:states:::lambda:invoke";
  static final String LAMBDA_TOKEN = "arn:aws:states:::lambda:invoke.waitForTaskToken";
  private static final String RESULT = Expr.of("$states.result.Payload");

  /**
   * The error a send fails with while its window is closed: a Java Lambda's error is its
   * exception's full class name ({@code Waymark.SendDeferred} in journey-tasks), and so is the
   * local runtime's.
   */
  static final String DEFERRED = "Waymark.SendDeferred";

  /** The Wait's input on the deferred path: the instant the window opens, the error's message. */
  private static final String DEFERRED_UNTIL =
      Expr.of("{'deferredUntil': $parse($states.errorOutput.Cause).errorMessage}");

  private final Graph graph;
  private final TaskFunctions fns;
  private final Map<String, String> templateVersions;
  private final String initialStep;
  private final Map<String, ObjectNode> states = new LinkedHashMap<>();

  /**
   * @param initialStep the step whose first state runs before any variable is set (null when a Pass
   *     state sets them first)
   */
  StepStates(
      Graph graph, TaskFunctions fns, Map<String, String> templateVersions, String initialStep) {
    this.graph = graph;
    this.fns = fns;
    this.templateVersions = Map.copyOf(templateVersions);
    this.initialStep = initialStep;
  }

  Map<String, ObjectNode> states() {
    return states;
  }

  void add(Step step) {
    switch (step) {
      case Step.Send s -> send(s);
      case Step.Wait w -> Waits.wait(this, w);
      case Step.WaitFor f -> Waits.waitFor(this, f);
      case Step.Branch b -> Flow.branch(this, b);
      case Step.Split s -> Flow.split(this, s);
      case Step.Update u -> Flow.update(this, u);
      case Step.Webhook h -> Flow.webhook(this, h);
      case Step.Repeat r -> Flow.repeat(this, r);
      case Step.Exit e -> put(graph.entry(e), Json.object().put("Type", "Succeed"));
    }
  }

  /** The Succeed state paths without a next step go to from a Choice or a Catch. */
  void addEnd() {
    put(StateNames.END, Json.object().put("Type", "Succeed"));
  }

  /** One message of a send state: a step, or one of its {@code also} channels. */
  private record Part(Step.Send step, String id, List<Channel> channels) {}

  /**
   * A send is one Task: the step's message, then each {@code also} channel as a send of its own
   * ({@code <id>.<channel>}), then the sends that follow it with no other way in ({@link
   * #absorbed}), all in one call ({@code then}). A closed send window fails it with {@link
   * #DEFERRED} (its message the instant the window opens), caught into a Wait that goes back to the
   * Task: only a deferred send pays more, and the sends already made answer from the ledger. The
   * first send after a waitFor's time-out also records that time-out ({@code timedOut}), which
   * saves the cancel Task (see {@link Waits#fusedTimeout}).
   */
  private void send(Step.Send step) {
    if (absorbed(step)) {
      return;
    }
    List<Part> parts = new ArrayList<>();
    Step.Send last = step;
    Set<String> seen = new LinkedHashSet<>();
    while (seen.add(last.id())) {
      parts.add(new Part(last, last.id(), last.channels()));
      for (Channel also : last.also()) {
        parts.add(new Part(last, last.id() + "." + also.name(), List.of(also)));
      }
      if (!(last.next().map(graph::step).orElse(null) instanceof Step.Send next
          && absorbed(next))) {
        break;
      }
      last = next;
    }
    // the first state's arguments are evaluated before its Assign gives $webhooks a value
    boolean webhooks = graph.hasWebhooks() && !step.id().equals(initialStep);
    List<ObjectNode> payloads = new ArrayList<>();
    for (Part part : parts) {
      Optional<String> version = Optional.ofNullable(templateVersions.get(part.step().template()));
      payloads.add(
          graph
              .loops()
              .passStepId(
                  Payloads.send(part.step(), part.id(), part.channels(), version, webhooks),
                  part.step().id()));
    }
    ObjectNode payload = payloads.get(0);
    Waits.fusedTimeout(graph, step)
        .ifPresent(
            waitFor ->
                payload
                    .putObject("timedOut")
                    .put("stepId", waitFor)
                    .put("version", Expr.run("version")));
    if (payloads.size() > 1) {
      payload.putArray("then").addAll(payloads.subList(1, payloads.size()));
    }
    payload.put("onDeferred", "error");
    String name = StateNames.of("send", step.id());
    ObjectNode task = task(LAMBDA, fns.send(), payload);
    task.put("Output", RESULT);
    task.set("Retry", sendRetry());
    String window = StateNames.of("send", step.id(), "window");
    task.putArray("Catch")
        .addObject()
        .<ObjectNode>set("ErrorEquals", Json.MAPPER.createArrayNode().add(DEFERRED))
        .put("Output", DEFERRED_UNTIL)
        .put("Next", window);
    link(task, graph.target(last.next()));
    put(name, task);

    ObjectNode wait = Json.object().put("Type", "Wait");
    wait.put("Timestamp", Expr.of("$states.input.deferredUntil"));
    wait.put("Next", name);
    put(window, wait);
  }

  /**
   * A send made in the same call as the send before it: its only way in is that send's {@code
   * next}, it is not the first step, and neither is inside a repeat loop.
   */
  private boolean absorbed(Step.Send send) {
    if (send.id().equals(graph.start()) || graph.loops().pass(send.id()).isPresent()) {
      return false;
    }
    List<Step> into = graph.into(send.id());
    return into.size() == 1
        && into.get(0) instanceof Step.Send before
        && !before.id().equals(send.id())
        && graph.loops().pass(before.id()).isEmpty();
  }

  // ---- helpers for the step kinds ----

  Graph graph() {
    return graph;
  }

  TaskFunctions fns() {
    return fns;
  }

  boolean initial(Step step) {
    return step.id().equals(initialStep);
  }

  void put(String name, ObjectNode state) {
    if (states.put(name, state) != null) {
      throw new IllegalStateException("two states named " + name);
    }
  }

  static ObjectNode task(String resource, String function, ObjectNode payload) {
    ObjectNode task = Json.object().put("Type", "Task").put("Resource", resource);
    task.putObject("Arguments").put("FunctionName", function).set("Payload", payload);
    return task;
  }

  /** A call to the steps function, its answer ({@code Payload}) as the state's output. */
  ObjectNode stepTask(ObjectNode payload) {
    ObjectNode task =
        task(
            LAMBDA,
            fns.steps(),
            graph.loops().passIteration(payload, payload.path("stepId").asText()));
    task.put("Output", RESULT);
    task.set("Retry", lambdaRetry());
    return task;
  }

  /** Next, or End for a path that ends the run (no Succeed state needed after a Task or Wait). */
  static void link(ObjectNode state, Graph.Target target) {
    if (target.end()) {
      state.put("End", true);
    } else {
      state.put("Next", target.state());
    }
  }

  /** The retry of the hand-written definitions: Lambda's transient errors and task failures. */
  static ArrayNode lambdaRetry() {
    return retry("Lambda.ServiceException", "Lambda.TooManyRequestsException", "States.TaskFailed");
  }

  /**
   * A send's retry: never {@link #DEFERRED} (States.TaskFailed would match it too, so a retrier
   * with no attempts comes first and the Catch takes it), else {@link #lambdaRetry()}.
   */
  private static ArrayNode sendRetry() {
    ArrayNode retry = Json.MAPPER.createArrayNode();
    ObjectNode never = retry.addObject();
    never.putArray("ErrorEquals").add(DEFERRED);
    never.put("MaxAttempts", 0);
    retry.addAll(lambdaRetry());
    return retry;
  }

  /** Lambda's transient errors only (the function did not run, or was throttled). */
  static ArrayNode lambdaServiceRetry() {
    return retry("Lambda.ServiceException", "Lambda.TooManyRequestsException");
  }

  private static ArrayNode retry(String... errors) {
    ArrayNode retry = Json.MAPPER.createArrayNode();
    ObjectNode r = retry.addObject();
    ArrayNode equals = r.putArray("ErrorEquals");
    for (String error : errors) {
      equals.add(error);
    }
    r.put("IntervalSeconds", 2).put("MaxAttempts", 3).put("BackoffRate", 2);
    return retry;
  }

  /** A span in whole seconds: a number, or (calendar months) a JSONata expression. */
  static Object seconds(dev.waymark.core.journey.Span span) {
    OptionalLong fixed = Spans.seconds(span);
    return fixed.isPresent() ? (Object) fixed.getAsLong() : Expr.of(Spans.secondsExpression(span));
  }

  /**
   * A Choice on the steps function's answer {@code next}: one rule per step id in {@code nexts}
   * (first appearance) unless the default goes there too, a rule to the end of the run when a path
   * has no next step and the default goes elsewhere.
   */
  ObjectNode route(List<Optional<String>> nexts, Optional<Graph.Target> otherwise) {
    ObjectNode choice = Json.object().put("Type", "Choice");
    ArrayNode rules = choice.putArray("Choices");
    Set<String> seen = new LinkedHashSet<>();
    boolean endPath = false;
    for (Optional<String> next : nexts) {
      if (next.isEmpty()) {
        endPath = true;
      } else if (seen.add(next.get())
          && !otherwise.map(t -> t.equals(graph.target(next))).orElse(false)) {
        rules
            .addObject()
            .put("Condition", Expr.of("$states.input.next = " + Expr.text(next.get())))
            .put("Next", graph.target(next).state());
      }
    }
    Graph.Target end = graph.target(Optional.empty());
    if (endPath && !otherwise.map(t -> t.state().equals(end.state())).orElse(false)) {
      rules
          .addObject()
          .put("Condition", Expr.of("$type($states.input.next) != 'string'"))
          .put("Next", end.state());
    }
    otherwise.ifPresent(t -> choice.put("Default", t.state()));
    return choice;
  }
}
