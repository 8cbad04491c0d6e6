package dev.waymark.core.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.waymark.core.event.ReservedEvents;
import dev.waymark.core.journey.FieldFilter;
import dev.waymark.core.journey.FilterOp;
import dev.waymark.core.journey.Span;
import dev.waymark.core.problem.FieldError;
import dev.waymark.core.profile.ConsentChannel;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rule grammar: one kind per object ({@code all}, {@code any}, {@code not}, {@code trait},
 * ...).
 */
final class RuleParser {
  static final List<String> KINDS =
      List.of(
          "all",
          "any",
          "not",
          "trait",
          "event",
          "engaged",
          "consent",
          "reachable",
          "inSegment",
          "notFollowedBy");
  private static final List<String> TRAIT_OPS =
      List.of(
          "equals",
          "notEquals",
          "greaterThan",
          "lessThan",
          "exists",
          "in",
          "contains",
          "startsWith");
  private static final List<String> DATE_OPS =
      Arrays.stream(DateRule.Op.values()).map(DateRule.Op::key).toList();
  private static final Set<String> EVENT_FIELDS =
      Set.of("event", "where", "atLeast", "atMost", "within", "lastPerformed", "sum", "average");
  private static final Set<String> AGGREGATE_FIELDS = Set.of("property", "atLeast", "atMost");
  private static final Set<String> ENGAGED_FIELDS =
      Set.of("action", "within", "journeyId", "templateId", "atLeast");

  /**
   * {@code engaged} actions and the feedback events they count: email opens and clicks, SMS and
   * push delivery reports.
   */
  private static final Map<String, String> ENGAGED_EVENTS =
      Map.of(
          "opened", ReservedEvents.MESSAGE_OPENED,
          "clicked", ReservedEvents.MESSAGE_CLICKED,
          "delivered", ReservedEvents.MESSAGE_DELIVERED,
          "failed", ReservedEvents.MESSAGE_FAILED);

  private final List<FieldError> problems;

  RuleParser(List<FieldError> problems) {
    this.problems = problems;
  }

  Rule rule(JsonNode node, String at) {
    if (node == null || !node.isObject()) {
      return problem(at, "required: an object with one of " + KINDS);
    }
    List<String> kinds = new ArrayList<>();
    node.fieldNames()
        .forEachRemaining(
            f -> {
              if (KINDS.contains(f)) {
                kinds.add(f);
              }
            });
    if (kinds.size() != 1) {
      return problem(at, "exactly one of " + KINDS + " is required, found " + kinds);
    }
    String kind = kinds.get(0);
    return switch (kind) {
      case "all", "any" -> group(node, kind, at);
      case "not" -> not(node, at);
      case "trait" -> trait(node, at);
      case "event" -> event(node, at);
      case "engaged" -> engaged(node, at);
      case "consent" -> consent(node, at);
      case "reachable" -> reachable(node, at);
      case "notFollowedBy" -> notFollowedBy(node, at);
      default -> inSegment(node, at);
    };
  }

  private Rule group(JsonNode node, String kind, String at) {
    JsonNode list = node.get(kind);
    if (!only(node, Set.of(kind), at)) {
      return null;
    }
    if (!list.isArray() || list.isEmpty()) {
      return problem(at + "/" + kind, "a non-empty list of rules");
    }
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      rules.add(rule(list.get(i), at + "/" + kind + "/" + i));
    }
    if (rules.contains(null)) {
      return null;
    }
    return new GroupRule(kind.equals("all") ? GroupRule.Match.ALL : GroupRule.Match.ANY, rules);
  }

  private Rule not(JsonNode node, String at) {
    Rule inner = only(node, Set.of("not"), at) ? rule(node.get("not"), at + "/not") : null;
    return inner == null ? null : new NotRule(inner);
  }

  private Rule trait(JsonNode node, String at) {
    String trait = text(node, "trait", at);
    List<String> ops = new ArrayList<>();
    node.fieldNames()
        .forEachRemaining(
            f -> {
              if (!f.equals("trait")) {
                ops.add(f);
              }
            });
    if (ops.size() != 1 || !(TRAIT_OPS.contains(ops.get(0)) || DATE_OPS.contains(ops.get(0)))) {
      return problem(
          at,
          "a trait rule needs exactly one of " + TRAIT_OPS + " or " + DATE_OPS + ", found " + ops);
    }
    String op = ops.get(0);
    JsonNode value = node.get(op);
    if (DATE_OPS.contains(op)) {
      if (!value.canConvertToInt() || value.asInt() < 0 || !value.isIntegralNumber()) {
        return problem(at + "/" + op, "a whole number of days, 0 or more");
      }
      DateRule.Op dateOp =
          Arrays.stream(DateRule.Op.values())
              .filter(o -> o.key().equals(op))
              .findFirst()
              .orElseThrow();
      return trait == null ? null : new DateRule(trait, dateOp, value.asInt());
    }
    if (op.equals("in") && !value.isArray()) {
      return problem(at + "/in", "a list of values");
    }
    if (op.equals("exists") && !value.isBoolean()) {
      return problem(at + "/exists", "true or false");
    }
    return trait == null ? null : new TraitRule(trait, FilterOp.fromKey(op).orElseThrow(), value);
  }

  private Rule event(JsonNode node, String at) {
    if (!only(node, EVENT_FIELDS, at)) {
      return null;
    }
    String name = text(node, "event", at);
    List<FieldFilter> where = filters(node.get("where"), at + "/where");
    Span within = span(node.get("within"), at + "/within");
    EventCondition condition = name == null ? null : new EventCondition(name, where);
    if (node.has("lastPerformed")) {
      if (node.has("atLeast")
          || node.has("atMost")
          || node.has("within")
          || node.has("sum")
          || node.has("average")) {
        return problem(
            at + "/lastPerformed",
            "cannot be combined with atLeast, atMost, within, sum or average");
      }
      return lastPerformed(condition, node.get("lastPerformed"), at + "/lastPerformed");
    }
    for (AggregateRule.Kind kind : AggregateRule.Kind.values()) {
      if (node.has(kind.key())) {
        return aggregate(condition, kind, node, within, at);
      }
    }
    Integer atMost = count(node.get("atMost"), at + "/atMost");
    Integer atLeast = count(node.get("atLeast"), at + "/atLeast");
    int least = atLeast != null ? atLeast : (atMost != null ? 0 : 1);
    if (atMost != null && least > atMost) {
      return problem(at + "/atMost", "must not be less than atLeast");
    }
    return condition == null ? null : new EventRule(condition, least, atMost, within);
  }

  /** {@code sum} or {@code average} of a numeric property: {property, atLeast?, atMost?}. */
  private Rule aggregate(
      EventCondition condition, AggregateRule.Kind kind, JsonNode node, Span within, String at) {
    String key = kind.key();
    if (node.has("sum") && node.has("average")) {
      return problem(at + "/" + key, "one of sum and average, not both");
    }
    if (node.has("atLeast") || node.has("atMost")) {
      return problem(
          at + "/" + key,
          "cannot be combined with atLeast or atMost (give them inside " + key + ")");
    }
    JsonNode spec = node.get(key);
    String here = at + "/" + key;
    if (!spec.isObject()) {
      return problem(here, "an object {property, atLeast?, atMost?}");
    }
    if (!only(spec, AGGREGATE_FIELDS, here)) {
      return null;
    }
    String property = text(spec, "property", here);
    if (property != null && !property.matches("[A-Za-z0-9_$-]+(\\.[A-Za-z0-9_$-]+)*")) {
      property = null;
      problem(
          here + "/property", "a property name, dotted for nested objects (total, price.amount)");
    }
    java.math.BigDecimal least = decimal(spec.get("atLeast"), here + "/atLeast");
    java.math.BigDecimal most = decimal(spec.get("atMost"), here + "/atMost");
    if (!spec.has("atLeast") && !spec.has("atMost")) {
      return problem(here, "needs atLeast or atMost (or both)");
    }
    if (least != null && most != null && least.compareTo(most) > 0) {
      return problem(here + "/atMost", "must not be less than atLeast");
    }
    boolean bad = (spec.has("atLeast") && least == null) || (spec.has("atMost") && most == null);
    return condition == null || property == null || bad
        ? null
        : new AggregateRule(condition, kind, property, least, most, within);
  }

  private java.math.BigDecimal decimal(JsonNode node, String at) {
    if (node == null) {
      return null;
    }
    if (!node.isNumber()) {
      problem(at, "a number");
      return null;
    }
    return node.decimalValue();
  }

  private Rule lastPerformed(EventCondition condition, JsonNode node, String at) {
    if (node == null
        || !node.isObject()
        || node.size() != 1
        || !(node.has("before") || node.has("after"))) {
      return problem(
          at, "an object with before or after: a span back from now (P60D) or an ISO timestamp");
    }
    boolean before = node.has("before");
    String field = before ? "before" : "after";
    String text = node.get(field).asText();
    Optional<Span> span = Span.parse(text).filter(Span::isPositive);
    Instant fixed = Span.parse(text).isPresent() ? null : instant(text);
    if (span.isEmpty() && fixed == null) {
      return problem(
          at + "/" + field, "a positive span such as P60D or an ISO timestamp with an offset");
    }
    return condition == null
        ? null
        : new LastPerformedRule(condition, before, span.orElse(null), fixed);
  }

  /**
   * Message engagement: sugar for the Message Opened / Message Clicked events the feedback path
   * records.
   */
  private Rule engaged(JsonNode node, String at) {
    JsonNode spec = node.get("engaged");
    if (!only(node, Set.of("engaged"), at) || !spec.isObject()) {
      return problem(
          at + "/engaged",
          "an object with action (opened, clicked, delivered or failed) and optional within,"
              + " journeyId, templateId");
    }
    only(spec, ENGAGED_FIELDS, at + "/engaged");
    String action = spec.path("action").asText("");
    if (!ENGAGED_EVENTS.containsKey(action)) {
      return problem(at + "/engaged/action", "opened, clicked, delivered or failed");
    }
    List<FieldFilter> where = new ArrayList<>();
    for (String id : List.of("journeyId", "templateId")) {
      if (spec.has(id)) {
        where.add(new FieldFilter("properties." + id, FilterOp.EQUALS, spec.get(id)));
      }
    }
    Span within = span(spec.get("within"), at + "/engaged/within");
    Integer atLeast = count(spec.get("atLeast"), at + "/engaged/atLeast");
    String event = ENGAGED_EVENTS.get(action);
    return new EventRule(
        new EventCondition(event, where), atLeast == null ? 1 : atLeast, null, within);
  }

  /**
   * {@code notFollowedBy: {event, where, by: {event, where}, within, lookBack}}: the latest {@code
   * event} not followed by {@code by} within {@code within} (seed 001's abandoned cart).
   */
  private Rule notFollowedBy(JsonNode node, String at) {
    JsonNode spec = node.get("notFollowedBy");
    String here = at + "/notFollowedBy";
    if (!only(node, Set.of("notFollowedBy"), at) || !spec.isObject()) {
      return problem(here, "an object with event, where, by: {event, where}, within, lookBack");
    }
    only(spec, Set.of("event", "where", "by", "within", "lookBack"), here);
    String first = text(spec, "event", here);
    List<FieldFilter> where = filters(spec.get("where"), here + "/where");
    JsonNode by = spec.get("by");
    String then = null;
    List<FieldFilter> byWhere = List.of();
    if (by == null || !by.isObject()) {
      problem(here + "/by", "required: {event, where} of the event that should have followed");
    } else {
      only(by, Set.of("event", "where"), here + "/by");
      then = text(by, "event", here + "/by");
      byWhere = filters(by.get("where"), here + "/by/where");
    }
    Span within = span(spec.get("within"), here + "/within");
    if (within == null && !spec.has("within")) {
      problem(here + "/within", "required: how long the follow-up may take, e.g. PT30M");
    }
    Span lookBack = span(spec.get("lookBack"), here + "/lookBack");
    if (first == null || then == null || within == null) {
      return null;
    }
    return new NotFollowedByRule(
        new EventCondition(first, where), new EventCondition(then, byWhere), within, lookBack);
  }

  private Rule consent(JsonNode node, String at) {
    JsonNode spec = node.get("consent");
    String channel = spec.isTextual() ? spec.asText() : spec.path("channel").asText("");
    JsonNode topic = spec.isObject() ? spec.get("topic") : null;
    Optional<ConsentChannel> parsed = ConsentChannel.fromKey(channel);
    if (!only(node, Set.of("consent"), at) || parsed.isEmpty()) {
      return problem(at + "/consent", "a channel (email, sms, push) or {channel, topic}");
    }
    return new ConsentRule(parsed.get(), topic == null ? null : topic.asText());
  }

  private Rule reachable(JsonNode node, String at) {
    try {
      if (only(node, Set.of("reachable"), at)) {
        return new ReachableRule(ReachableRule.Channel.valueOf(node.get("reachable").asText()));
      }
      return null;
    } catch (IllegalArgumentException e) {
      return problem(at + "/reachable", "email, phone or push");
    }
  }

  private Rule inSegment(JsonNode node, String at) {
    String id = text(node, "inSegment", at);
    return only(node, Set.of("inSegment"), at) && id != null ? new InSegmentRule(id) : null;
  }

  private List<FieldFilter> filters(JsonNode list, String at) {
    List<FieldFilter> filters = new ArrayList<>();
    if (list == null) {
      return filters;
    }
    if (!list.isArray()) {
      problem(at, "a list of {field, op, value}");
      return filters;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode f = list.get(i);
      String field = f.path("field").asText("");
      Optional<FilterOp> op = FilterOp.fromKey(f.path("op").asText(""));
      if (field.isBlank()) {
        problem(at + "/" + i + "/field", "required");
      } else if (op.isEmpty()) {
        problem(
            at + "/" + i + "/op",
            "one of " + Arrays.stream(FilterOp.values()).map(FilterOp::key).toList());
      } else if (op.get() != FilterOp.EXISTS && !f.has("value")) {
        problem(at + "/" + i + "/value", "required for " + op.get().key());
      } else {
        JsonNode value =
            f.has("value") ? f.get("value") : JsonNodeFactory.instance.booleanNode(true);
        filters.add(new FieldFilter(field, op.get(), value));
      }
    }
    return filters;
  }

  private Span span(JsonNode node, String at) {
    if (node == null) {
      return null;
    }
    Optional<Span> span = Span.parse(node.asText());
    if (span.isEmpty() || !span.get().isPositive()) {
      problem(at, "a positive ISO-8601 duration or period such as P30D, PT12H or P1M");
      return null;
    }
    return span.get();
  }

  private Integer count(JsonNode node, String at) {
    if (node == null) {
      return null;
    }
    if (!node.isIntegralNumber() || node.asInt() < 0) {
      problem(at, "a whole number, 0 or more");
      return null;
    }
    return node.asInt();
  }

  private String text(JsonNode node, String field, String at) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      problem(at + "/" + field, "required text");
      return null;
    }
    return value.asText();
  }

  private boolean only(JsonNode node, Set<String> allowed, String at) {
    List<String> unknown = new ArrayList<>();
    node.fieldNames()
        .forEachRemaining(
            f -> {
              if (!allowed.contains(f)) {
                unknown.add(f);
              }
            });
    unknown.forEach(f -> problem(at + "/" + f, "not allowed here; expected " + allowed));
    return unknown.isEmpty();
  }

  private static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private Rule problem(String at, String message) {
    problems.add(new FieldError(at, message));
    return null;
  }
}
