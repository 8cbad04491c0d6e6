package dev.waymark.core.journey.importer.pinpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.journey.importer.pinpoint.ImportContext.Node;
import dev.waymark.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Pinpoint's split conditions ({@code SimpleCondition}: a segment, a message event of an earlier
 * activity, attribute and metric dimensions) as a test of Waymark branch conditions, and a test as
 * branch steps. A part that cannot be mapped is reported and counts as not met.
 */
final class Conditions {
  static final Pattern TRAIT = Pattern.compile("[A-Za-z0-9_$-]+(\\.[A-Za-z0-9_$-]+)*");
  private static final Map<String, String> STATUSES =
      Map.of(
          "_email.delivered", "delivered",
          "_email.open", "opened",
          "_email.click", "clicked",
          "_SMS.SUCCESS", "delivered");

  /** A condition: one Waymark branch condition (maybe negated), all, any, or a constant. */
  sealed interface Test {}

  record Atom(ObjectNode condition, boolean negated) implements Test {}

  record All(List<Test> tests) implements Test {}

  record AnyOf(List<Test> tests) implements Test {}

  record Constant(boolean value) implements Test {}

  private final ImportContext ctx;
  private final Activities steps;

  Conditions(ImportContext ctx, Activities steps) {
    this.ctx = ctx;
    this.steps = steps;
  }

  /** A {@code SimpleCondition} of {@code activity}'s split. */
  Test simple(String activity, Node at) {
    if (!ctx.object(at)) {
      ctx.fail(at, "is required: a condition");
      return new Constant(false);
    }
    ctx.ignoreUnknown(
        activity, at, java.util.Set.of("EventCondition", "SegmentCondition", "segmentDimensions"));
    List<Test> parts = new ArrayList<>();
    Node segment = at.get("SegmentCondition");
    if (ctx.object(segment)) {
      ctx.requiredText(segment.get("SegmentId"))
          .ifPresent(
              id -> {
                ObjectNode c =
                    Json.object().put("segment", steps.segment(segment.get("SegmentId"), id));
                parts.add(new Atom(c.put("member", true), false));
              });
    }
    Node event = at.get("EventCondition");
    if (ctx.object(event)) {
      parts.add(messageEvent(activity, event));
    }
    Node dimensions = at.get("segmentDimensions");
    if (ctx.object(dimensions)) {
      parts.add(dimensions(activity, dimensions));
    }
    if (parts.isEmpty()) {
      ctx.fail(at, "needs one of EventCondition, SegmentCondition, segmentDimensions");
      return new Constant(false);
    }
    return parts.size() == 1 ? parts.get(0) : new All(parts);
  }

  /** A condition on how a person took an earlier message ({@code MessageActivity}). */
  private Test messageEvent(String activity, Node event) {
    Node message = event.get("MessageActivity");
    Optional<String> messageActivity = ctx.text(message);
    if (messageActivity.isEmpty()) {
      ctx.unmapped(
          activity,
          event,
          "an event condition without MessageActivity can only be imported as the one condition"
              + " of a ConditionalSplit with an EvaluationWaitTime of WaitFor; counted as not met");
      return new Constant(false);
    }
    Optional<String> channel = steps.sendChannel(messageActivity.get());
    if (channel.isEmpty()) {
      ctx.fail(message, "names no EMAIL, SMS or PUSH activity (\"" + messageActivity.get() + "\")");
      return new Constant(false);
    }
    if (steps.stepOf(messageActivity.get()) == null
        || !steps.graph().reaches(messageActivity.get(), activity)) {
      ctx.unmapped(
          activity,
          message,
          "the message activity does not come before this split; counted as not met");
      return new Constant(false);
    }
    Node dimensions = event.get("Dimensions");
    ctx.ignoreUnknown(activity, dimensions, java.util.Set.of("EventType"));
    Node type = dimensions.get("EventType");
    List<Test> any = new ArrayList<>();
    for (Node value : ctx.items(type.get("Values"), 20)) {
      String name = ctx.text(value).orElse("");
      String status = STATUSES.get(name);
      if (status == null || !name.toLowerCase().startsWith("_" + channel.get())) {
        ctx.unmapped(
            activity,
            value,
            "Waymark knows delivered, opened and clicked for e-mail and delivered for SMS,"
                + " not \""
                + name
                + "\" on "
                + channel.get()
                + "; counted as not met");
        continue;
      }
      ObjectNode c =
          Json.object().put("message", steps.stepOf(messageActivity.get())).put("status", status);
      any.add(new Atom(c, false));
    }
    if (!type.present()) {
      ctx.fail(type, "is required: the message events to test");
    }
    Test test = any.isEmpty() ? new Constant(false) : any.size() == 1 ? any.get(0) : new AnyOf(any);
    return exclusive(type) ? not(test) : test;
  }

  private boolean exclusive(Node setDimension) {
    return ctx.text(setDimension.get("DimensionType")).filter("EXCLUSIVE"::equals).isPresent();
  }

  /** Segment dimensions: user and endpoint attributes and metrics, as trait conditions. */
  private Test dimensions(String activity, Node dimensions) {
    List<Test> all = new ArrayList<>();
    for (String kind : List.of("UserAttributes", "Attributes")) {
      for (Map.Entry<String, Node> attribute : ctx.entries(dimensions.get(kind))) {
        all.add(attribute(activity, attribute.getKey(), attribute.getValue()));
      }
    }
    for (Map.Entry<String, Node> metric : ctx.entries(dimensions.get("Metrics"))) {
      all.add(metric(activity, metric.getKey(), metric.getValue()));
    }
    for (String other : List.of("Behavior", "Demographic", "Location")) {
      if (dimensions.get(other).present()) {
        ctx.unmapped(
            activity,
            dimensions.get(other),
            "Waymark profiles have no endpoint "
                + other.toLowerCase()
                + " dimension; use a Waymark segment instead; counted as not met");
        all.add(new Constant(false));
      }
    }
    return all.isEmpty() ? new Constant(true) : all.size() == 1 ? all.get(0) : new All(all);
  }

  private Test attribute(String activity, String name, Node at) {
    Optional<String> type = ctx.text(at.get("AttributeType"));
    List<String> values = values(at.get("Values"));
    if (!TRAIT.matcher(name).matches()) {
      ctx.unmapped(activity, at, "\"" + name + "\" is not a usable trait name; counted as not met");
      return new Constant(false);
    }
    String kind = type.orElse("INCLUSIVE");
    if (values.isEmpty()) {
      return new Constant(false);
    }
    return switch (kind) {
      case "INCLUSIVE", "EXCLUSIVE" -> {
        ObjectNode c = Json.object().put("trait", name);
        if (values.size() == 1) {
          c.put("op", "equals").put("value", values.get(0));
        } else {
          ArrayNode list = c.put("op", "in").putArray("value");
          values.forEach(list::add);
        }
        yield new Atom(c, kind.equals("EXCLUSIVE"));
      }
      case "CONTAINS" -> {
        List<Test> any = new ArrayList<>();
        for (String v : values) {
          any.add(
              new Atom(
                  Json.object().put("trait", name).put("op", "contains").put("value", v), false));
        }
        yield any.size() == 1 ? any.get(0) : new AnyOf(any);
      }
      default -> {
        ctx.unmapped(
            activity,
            at.get("AttributeType"),
            "date comparisons ("
                + kind
                + ") have no branch condition in Waymark; counted as not met");
        yield new Constant(false);
      }
    };
  }

  private Test metric(String activity, String name, Node at) {
    Optional<String> op = ctx.requiredText(at.get("ComparisonOperator"));
    JsonNode value = at.get("Value").json();
    if (value == null || !value.isNumber()) {
      ctx.fail(at.get("Value"), "is required: a number");
      return new Constant(false);
    }
    if (!TRAIT.matcher(name).matches()) {
      ctx.unmapped(activity, at, "\"" + name + "\" is not a usable trait name; counted as not met");
      return new Constant(false);
    }
    if (op.isEmpty()) {
      return new Constant(false);
    }
    return switch (op.get()) {
      case "GREATER_THAN" -> new Atom(compare(name, "greaterThan", value), false);
      case "LESS_THAN" -> new Atom(compare(name, "lessThan", value), false);
      case "EQUAL" -> new Atom(compare(name, "equals", value), false);
      case "GREATER_THAN_OR_EQUAL" -> orEqual(name, "greaterThan", value);
      case "LESS_THAN_OR_EQUAL" -> orEqual(name, "lessThan", value);
      default -> {
        ctx.fail(
            at.get("ComparisonOperator"),
            "must be GREATER_THAN, LESS_THAN, GREATER_THAN_OR_EQUAL, LESS_THAN_OR_EQUAL or EQUAL");
        yield new Constant(false);
      }
    };
  }

  /**
   * "at least" or "at most": either of two conditions, so a person without the trait has neither.
   */
  private static Test orEqual(String trait, String op, JsonNode value) {
    return new AnyOf(
        List.of(
            new Atom(compare(trait, op, value), false),
            new Atom(compare(trait, "equals", value), false)));
  }

  private static ObjectNode compare(String trait, String op, JsonNode value) {
    ObjectNode c = Json.object().put("trait", trait).put("op", op);
    c.set("value", value);
    return c;
  }

  /** The text values of a {@code Values} list (an error for anything else). */
  List<String> values(Node at) {
    if (!at.present()) {
      ctx.fail(at, "is required: at least one value");
    }
    List<String> values = new ArrayList<>();
    for (Node v : ctx.items(at, 100)) {
      ctx.text(v).ifPresent(values::add);
    }
    return values;
  }

  static Test not(Test test) {
    return switch (test) {
      case Atom a -> new Atom(a.condition(), !a.negated());
      case Constant c -> new Constant(!c.value());
      case All all -> new AnyOf(all.tests().stream().map(Conditions::not).toList());
      case AnyOf any -> new All(any.tests().stream().map(Conditions::not).toList());
    };
  }

  /**
   * Branch steps that go to {@code onTrue} when the test holds and {@code onFalse} when not (either
   * null: the run ends); answers the first step's id (or where a constant test goes).
   */
  String compile(Test test, String base, String onTrue, String onFalse) {
    return switch (test) {
      case Constant c -> c.value() ? onTrue : onFalse;
      case Atom a ->
          branch(
              base,
              List.of(a.condition()),
              a.negated() ? onFalse : onTrue,
              a.negated() ? onTrue : onFalse);
      case AnyOf any when any.tests().stream().allMatch(t -> t instanceof Atom a && !a.negated()) ->
          branch(
              base,
              any.tests().stream().map(t -> ((Atom) t).condition()).toList(),
              onTrue,
              onFalse);
      case AnyOf any -> {
        String next = onFalse;
        for (Test t : any.tests().reversed()) {
          next = compile(t, base, onTrue, next);
        }
        yield next;
      }
      case All all -> {
        String next = onTrue;
        for (Test t : all.tests().reversed()) {
          next = compile(t, base, next, onFalse);
        }
        yield next;
      }
    };
  }

  /** One branch step: each condition goes to {@code next}, else {@code otherwise}. */
  private String branch(String base, List<ObjectNode> conditions, String next, String otherwise) {
    ObjectNode step = steps.newStep(base, "branch");
    ArrayNode list = step.putArray("conditions");
    for (ObjectNode c : conditions) {
      ObjectNode copy = c.deepCopy();
      if (next != null) {
        copy.put("next", next);
      }
      list.add(copy);
    }
    if (otherwise != null) {
      step.put("default", otherwise);
    }
    return step.path("id").asText();
  }
}
