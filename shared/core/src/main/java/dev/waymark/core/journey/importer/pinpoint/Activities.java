package dev.waymark.core.journey.importer.pinpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.journey.importer.pinpoint.ActivityGraph.Activity;
import dev.waymark.core.journey.importer.pinpoint.ImportContext.Node;
import dev.waymark.core.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reachable activities as Waymark steps. References between activities are written as
 * placeholders and resolved at the end, because an activity may turn out to have no step of its own
 * (left out, or a split whose condition is constant): a reference to it goes where it goes.
 */
final class Activities {
  private static final String PLACEHOLDER = "\u0001";
  private final ImportContext ctx;
  private final ActivityGraph graph;
  private final PinpointImport.Options options;
  private final Ids ids = new Ids();
  private final List<ObjectNode> steps = new ArrayList<>();
  private final Map<String, String> stepOf = new LinkedHashMap<>();
  private final Map<String, String> alias = new HashMap<>();
  private final Map<String, PinpointImport.TemplateUse> templates = new LinkedHashMap<>();
  private final Map<String, String> segments = new LinkedHashMap<>();
  private final Conditions conditions;
  private final EventFilters events;
  private final Splits splits;
  private JsonNode window = Json.MAPPER.getNodeFactory().textNode("any");
  private Integer holdoutPercent;

  Activities(ImportContext ctx, ActivityGraph graph, PinpointImport.Options options) {
    this.ctx = ctx;
    this.graph = graph;
    this.options = options;
    this.conditions = new Conditions(ctx, this);
    this.events = new EventFilters(ctx, conditions);
    this.splits = new Splits(ctx, this, conditions, events);
  }

  void window(JsonNode window) {
    this.window = window;
  }

  EventFilters events() {
    return events;
  }

  ActivityGraph graph() {
    return graph;
  }

  Optional<Integer> holdoutPercent() {
    return Optional.ofNullable(holdoutPercent);
  }

  Map<String, PinpointImport.TemplateUse> templates() {
    return templates;
  }

  Map<String, String> segments() {
    return segments;
  }

  /** Converts the activities {@code start} reaches; answers the start step (null: none). */
  String convert(String start) {
    for (String key : graph.reachable()) {
      leaveOut(graph.get(key), key.equals(start));
    }
    for (String key : graph.reachable()) {
      if (!alias.containsKey(key)) {
        stepOf.put(key, ids.step(key));
      }
    }
    for (String key : graph.reachable()) {
      if (!alias.containsKey(key)) {
        convert(graph.get(key));
      }
    }
    for (ObjectNode step : steps) {
      resolveReferences(step);
    }
    String first = resolve(ref(start));
    prune(first);
    return first;
  }

  /** Drops the steps the start no longer reaches (behind a condition counted as not met). */
  private void prune(String first) {
    Map<String, ObjectNode> byId = new LinkedHashMap<>();
    steps.forEach(s -> byId.put(s.path("id").asText(), s));
    java.util.Set<String> reached = new java.util.LinkedHashSet<>();
    java.util.Deque<String> todo = new java.util.ArrayDeque<>();
    if (first != null) {
      todo.add(first);
    }
    while (!todo.isEmpty()) {
      String id = todo.poll();
      if (reached.add(id) && byId.containsKey(id)) {
        byId.get(id).findValues("next").forEach(n -> todo.add(n.asText()));
        for (String field : List.of("default", "performed", "timedOut", "onError")) {
          byId.get(id).findValues(field).forEach(n -> todo.add(n.asText()));
        }
      }
    }
    for (String key : graph.reachable()) {
      String id = stepOf.get(key);
      if (!alias.containsKey(key) && id != null && byId.containsKey(id) && !reached.contains(id)) {
        ctx.unmapped(
            key,
            graph.get(key).settings(),
            "reached only through a condition counted as not met; left out");
      }
    }
    steps.clear();
    reached.stream().map(byId::get).filter(java.util.Objects::nonNull).forEach(steps::add);
  }

  /** The steps, each activity's step followed by the steps made for it. */
  List<ObjectNode> steps() {
    return steps;
  }

  /** Each activity's step id (null for one left out or without a step of its own). */
  Map<String, String> stepIds() {
    Map<String, String> map = new LinkedHashMap<>();
    for (String key : graph.reachable()) {
      String id = stepOf.get(key);
      map.put(
          key,
          id != null && steps.stream().anyMatch(s -> s.path("id").asText().equals(id)) ? id : null);
    }
    return map;
  }

  String stepOf(String activity) {
    return stepOf.get(activity);
  }

  /** The channel of a message activity ("email", "sms", "push"), if it is one. */
  Optional<String> sendChannel(String activity) {
    Activity a = graph.get(activity);
    if (a == null || !List.of("EMAIL", "SMS", "PUSH").contains(a.kind())) {
      return Optional.empty();
    }
    return Optional.of(a.kind().toLowerCase(java.util.Locale.ROOT));
  }

  /** A reference to an activity (null: none, the run ends). */
  String ref(Optional<String> activity) {
    return activity.map(a -> PLACEHOLDER + a).orElse(null);
  }

  String ref(String activity) {
    return activity == null ? null : PLACEHOLDER + activity;
  }

  /** The activity has no step of its own: references to it go to {@code target}. */
  void alias(String activity, String target) {
    alias.put(activity, target);
  }

  /** A new step for an activity's step id {@code base} (its id {@code base-2}, ...). */
  ObjectNode newStep(String base, String type) {
    ObjectNode step = Json.object().put("id", ids.derived(base)).put("type", type);
    steps.add(step);
    return step;
  }

  /** The activity's own step. */
  ObjectNode ownStep(String activity, String type) {
    ObjectNode step = Json.object().put("id", stepOf.get(activity)).put("type", type);
    steps.add(step);
    return step;
  }

  /** Gives the step made first for an activity its own id (or makes it an alias). */
  void entry(String activity, String entry) {
    String own = stepOf.get(activity);
    Optional<ObjectNode> made =
        steps.stream().filter(s -> s.path("id").asText().equals(entry)).findFirst();
    if (entry != null && made.isPresent()) {
      made.get().put("id", own);
    } else {
      alias(activity, entry);
    }
  }

  /** A Waymark segment id for a Pinpoint segment id (mapped by the options, or made from it). */
  String segment(Node at, String pinpointId) {
    String id = options.segments().get(pinpointId);
    if (id == null) {
      id = Ids.slug(pinpointId, Ids.ID_MAX);
      if (id.isEmpty()) {
        ctx.fail(at, "a segment id needs letters or digits");
      }
    }
    segments.putIfAbsent(id, pinpointId);
    return id;
  }

  /** A Waymark template id for a Pinpoint template name; records which channels use it. */
  private String template(Node at, String channel) {
    String name = ctx.requiredText(at).orElse("");
    String id = options.templates().getOrDefault(name, Ids.slug(name, Ids.ID_MAX));
    if (!name.isEmpty() && id.isEmpty()) {
      ctx.fail(at, "a template name needs letters or digits");
    }
    PinpointImport.TemplateUse use =
        templates.computeIfAbsent(
            id, k -> new PinpointImport.TemplateUse(k, name, new ArrayList<>()));
    if (!use.channels().contains(channel)) {
      use.channels().add(channel);
    }
    return id;
  }

  private void leaveOut(Activity a, boolean isStart) {
    Node settings = a.settings();
    String next = ctx.text(settings.get("NextActivity")).orElse(null);
    switch (a.kind()) {
      case "ContactCenter" -> {
        ctx.unmapped(
            a.key(),
            settings,
            "a contact center call (Amazon Connect) has no Waymark step; left out, its"
                + " participants go on to its next activity");
        alias(a.key(), ref(next));
      }
      case "CUSTOM" -> {
        String uri = ctx.text(settings.get("DeliveryUri")).orElse("");
        if (!webhook(uri)) {
          ctx.unmapped(
              a.key(),
              settings.get("DeliveryUri"),
              "a journey step calls HTTPS webhooks, not Lambda functions by name or ARN; left out"
                  + " (give the function an HTTPS URL, e.g. a function URL, and import again)");
          alias(a.key(), ref(next));
        }
      }
      case "Holdout" -> {
        int percent = ctx.integer(settings.get("Percentage"), 0, 100).orElse(0);
        if (!settings.get("Percentage").present()) {
          ctx.fail(settings.get("Percentage"), "is required");
        }
        if (isStart && percent < 100) {
          holdoutPercent = percent;
          ctx.unmapped(
              a.key(),
              settings.get("Percentage"),
              "became the journey's holdoutPercent: Waymark holds out a stable share of people"
                  + " (the same person always or never), Pinpoint a share of entries");
          alias(a.key(), ref(next));
        } else if (percent == 0) {
          alias(a.key(), ref(next));
        }
      }
      default -> {}
    }
  }

  private static boolean webhook(String uri) {
    return uri.matches("https://[^/@\\s]+(/\\S*)?")
        || uri.matches("http://(localhost|127\\.0\\.0\\.1)(:[0-9]+)?(/\\S*)?");
  }

  private void convert(Activity a) {
    Node s = a.settings();
    switch (a.kind()) {
      case "EMAIL", "SMS", "PUSH" -> send(a);
      case "Wait" -> {
        ctx.ignoreUnknown(a.key(), s, java.util.Set.of("WaitTime", "NextActivity"));
        ObjectNode step = ownStep(a.key(), "wait");
        splits.waitTime(a.key(), s.get("WaitTime"), step, true);
        putRef(step, "next", s.get("NextActivity"));
      }
      case "CUSTOM" -> splits.webhook(a);
      case "Holdout" -> splits.holdout(a);
      case "RandomSplit" -> splits.random(a);
      case "ConditionalSplit" -> splits.conditional(a);
      case "MultiCondition" -> splits.multi(a);
      default -> throw new IllegalStateException("left out before: " + a.kind());
    }
  }

  private void send(Activity a) {
    Node s = a.settings();
    String channel = a.kind().toLowerCase(java.util.Locale.ROOT);
    ctx.ignoreUnknown(
        a.key(),
        s,
        java.util.Set.of("TemplateName", "TemplateVersion", "MessageConfig", "NextActivity"));
    ObjectNode step = ownStep(a.key(), "send");
    step.putArray("channels").add(channel);
    step.put("template", template(s.get("TemplateName"), channel));
    step.set("window", window.deepCopy());
    putRef(step, "next", s.get("NextActivity"));
    if (s.get("TemplateVersion").present()) {
      ctx.unmapped(
          a.key(),
          s.get("TemplateVersion"),
          "Waymark pins the template's latest version when the journey is published");
    }
    for (Map.Entry<String, Node> field : ctx.entries(s.get("MessageConfig"))) {
      ctx.unmapped(a.key(), field.getValue(), messageConfigReason(a.kind(), field.getKey()));
    }
  }

  private static String messageConfigReason(String kind, String field) {
    return switch (kind) {
      case "EMAIL" ->
          field.equals("FromAddress")
              ? "the sender is the deployment's WAYMARK_FROM_ADDRESS, the same for every step"
              : "not an e-mail setting Waymark has";
      case "SMS" ->
          "SMS go out through SNS with the account's settings; " + field + " is not set per step";
      default -> "push goes out through SNS without per-step settings; " + field + " is not kept";
    };
  }

  /** Writes a reference to the activity a field names (nothing when absent: the run ends). */
  void putRef(ObjectNode step, String field, Node activity) {
    String ref = ref(ctx.text(activity));
    if (ref != null) {
      step.put(field, ref);
    }
  }

  private void resolveReferences(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode value = object.get(name);
        if (value.isTextual() && value.asText().startsWith(PLACEHOLDER)) {
          String target = resolve(value.asText());
          if (target == null) {
            object.remove(name);
          } else {
            object.put(name, target);
          }
        } else {
          resolveReferences(value);
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(this::resolveReferences);
    }
  }

  private String resolve(String ref) {
    String target = ref;
    for (int hops = 0; target != null && target.startsWith(PLACEHOLDER); hops++) {
      String key = target.substring(PLACEHOLDER.length());
      if (hops > ActivityGraph.MAX_ACTIVITIES || !graph.has(key)) {
        return null;
      }
      target = alias.containsKey(key) ? alias.get(key) : stepOf.get(key);
    }
    return target;
  }
}
