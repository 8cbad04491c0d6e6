package dev.waymark.core.journey.importer.pinpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.journey.importer.pinpoint.ImportContext.Node;
import dev.waymark.core.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pinpoint's {@code EventDimensions} (an event name, attribute and metric filters) as a Waymark
 * event name and filters on {@code properties.*}. Filters all hold together, so what needs an "or"
 * or a negation Waymark's operators lack is reported, and that filter left out.
 */
final class EventFilters {
  /** The event's name and its filters. */
  record Event(String name, ArrayNode filters) {}

  private final ImportContext ctx;
  private final Conditions conditions;

  EventFilters(ImportContext ctx, Conditions conditions) {
    this.ctx = ctx;
    this.conditions = conditions;
  }

  /** The event of {@code dimensions}, or empty (reported) when it cannot be one Waymark event. */
  Optional<Event> read(String activity, Node dimensions) {
    if (!ctx.object(dimensions)) {
      ctx.fail(dimensions, "is required: the event's dimensions");
      return Optional.empty();
    }
    ctx.ignoreUnknown(activity, dimensions, Set.of("EventType", "Attributes", "Metrics"));
    Node type = dimensions.get("EventType");
    if (!ctx.object(type)) {
      ctx.fail(type, "is required: the event's name");
      return Optional.empty();
    }
    List<String> names = conditions.values(type.get("Values"));
    if (names.isEmpty()) {
      return Optional.empty();
    }
    if (ctx.text(type.get("DimensionType")).filter("EXCLUSIVE"::equals).isPresent()) {
      ctx.unmapped(
          activity,
          type.get("DimensionType"),
          "\"any event but these\" cannot be awaited or entered on in Waymark");
      return Optional.empty();
    }
    for (int i = 1; i < names.size(); i++) {
      ctx.unmapped(
          activity,
          type.get("Values").get(String.valueOf(i)),
          "Waymark enters and waits on one event name; only \"" + names.get(0) + "\" is kept");
    }
    ArrayNode filters = Json.MAPPER.createArrayNode();
    for (Map.Entry<String, Node> attribute : ctx.entries(dimensions.get("Attributes"))) {
      attribute(activity, attribute.getKey(), attribute.getValue(), filters);
    }
    for (Map.Entry<String, Node> metric : ctx.entries(dimensions.get("Metrics"))) {
      metric(activity, metric.getKey(), metric.getValue(), filters);
    }
    return Optional.of(new Event(names.get(0), filters));
  }

  private void attribute(String activity, String name, Node at, ArrayNode filters) {
    String kind = ctx.text(at.get("AttributeType")).orElse("INCLUSIVE");
    List<String> values = conditions.values(at.get("Values"));
    if (values.isEmpty() || !usable(activity, name, at)) {
      return;
    }
    String field = "properties." + name;
    switch (kind) {
      case "INCLUSIVE" -> {
        if (values.size() == 1) {
          filters.add(filter(field, "equals").put("value", values.get(0)));
        } else {
          ObjectNode in = filter(field, "in");
          values.forEach(in.putArray("value")::add);
          filters.add(in);
        }
      }
      case "EXCLUSIVE" ->
          values.forEach(v -> filters.add(filter(field, "notEquals").put("value", v)));
      case "CONTAINS" -> {
        if (values.size() == 1) {
          filters.add(filter(field, "contains").put("value", values.get(0)));
        } else {
          ctx.unmapped(activity, at, "\"contains one of several\" has no Waymark filter; left out");
        }
      }
      default ->
          ctx.unmapped(
              activity,
              at.get("AttributeType"),
              "date comparisons (" + kind + ") have no Waymark filter; left out");
    }
  }

  private void metric(String activity, String name, Node at, ArrayNode filters) {
    Optional<String> op = ctx.requiredText(at.get("ComparisonOperator"));
    JsonNode value = at.get("Value").json();
    if (value == null || !value.isNumber()) {
      ctx.fail(at.get("Value"), "is required: a number");
      return;
    }
    if (op.isEmpty() || !usable(activity, name, at)) {
      return;
    }
    String waymark =
        switch (op.get()) {
          case "GREATER_THAN" -> "greaterThan";
          case "LESS_THAN" -> "lessThan";
          case "EQUAL" -> "equals";
          case "GREATER_THAN_OR_EQUAL", "LESS_THAN_OR_EQUAL" -> null;
          default -> {
            ctx.fail(
                at.get("ComparisonOperator"),
                "must be GREATER_THAN, LESS_THAN, GREATER_THAN_OR_EQUAL, LESS_THAN_OR_EQUAL or EQUAL");
            yield null;
          }
        };
    if (waymark == null) {
      if (op.get().endsWith("_OR_EQUAL")) {
        ctx.unmapped(
            activity,
            at.get("ComparisonOperator"),
            "Waymark filters have greaterThan and lessThan but no \"or equal\"; left out");
      }
      return;
    }
    ObjectNode f = filter("properties." + name, waymark);
    f.set("value", value);
    filters.add(f);
  }

  private boolean usable(String activity, String name, Node at) {
    if (Conditions.TRAIT.matcher(name).matches()) {
      return true;
    }
    ctx.unmapped(activity, at, "\"" + name + "\" is not a usable property name; left out");
    return false;
  }

  private static ObjectNode filter(String field, String op) {
    return Json.object().put("field", field).put("op", op);
  }
}
