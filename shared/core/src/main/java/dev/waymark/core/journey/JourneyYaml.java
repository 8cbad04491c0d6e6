package dev.waymark.core.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads and validates {@code journey.yaml}; every problem is reported with the field it is in. */
public final class JourneyYaml {
  private static final Set<String> KNOWN =
      Set.of(
          "id",
          "name",
          "description",
          "priority",
          "entry",
          "audience",
          "eligibility",
          "lock",
          "entryCap",
          "holdoutPercent",
          "goal",
          "sample");

  private JourneyYaml() {}

  /**
   * @param yaml the journey.yaml text
   * @param definitionJson the state machine definition, part of the version
   * @param source where it came from, for messages
   */
  public static JourneyDefinition parse(String yaml, String definitionJson, String source) {
    ObjectNode root = toJson(yaml, source);
    List<String> problems = new ArrayList<>();
    root.fieldNames()
        .forEachRemaining(
            name -> {
              if (!KNOWN.contains(name)) {
                problems.add(name + ": unknown field");
              }
            });
    String id = requiredText(root, "id", problems);
    if (id != null && !id.matches("[a-z0-9][a-z0-9-]{0,39}")) {
      problems.add("id: lower-case letters, digits and dashes, at most 40 characters");
    }
    EventMatcher entry = matcher(root.get("entry"), "entry", problems);
    JourneyDefinition.Eligibility eligibility = eligibility(root, problems);
    Optional<Span> lock = span(root.get("lock"), "lock", problems);
    Optional<JourneyDefinition.EntryCap> cap = entryCap(root.get("entryCap"), problems);
    int holdout = root.path("holdoutPercent").asInt(0);
    if (root.has("holdoutPercent")
        && (!root.get("holdoutPercent").canConvertToInt() || holdout < 0 || holdout > 100)) {
      problems.add("holdoutPercent: a whole number from 0 to 100");
    }
    // the old format's single goal; the journey language has a list (goals)
    Optional<JourneyDefinition.Goal> goal = goal(root.get("goal"), problems);
    List<String> audience = new ArrayList<>();
    root.path("audience").forEach(a -> audience.add(a.asText()));
    if (!problems.isEmpty()) {
      throw new JourneyDefinitionException(source, problems);
    }
    return new JourneyDefinition(
        id,
        root.path("name").asText(id),
        root.path("description").asText(""),
        root.path("priority").asInt(0),
        entry,
        audience,
        eligibility,
        lock,
        cap,
        holdout,
        goal.stream().toList(),
        Optional.empty(),
        Optional.empty(),
        root.path("sample").isObject() ? (ObjectNode) root.get("sample") : Json.object(),
        version(yaml, definitionJson));
  }

  /** A YAML document as JSON (a mapping at the top level), or the problem with it. */
  public static ObjectNode toJson(String yaml, String source) {
    Object loaded;
    try {
      loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    } catch (RuntimeException e) {
      throw new JourneyDefinitionException(source, List.of("not valid YAML: " + e.getMessage()));
    }
    if (!(loaded instanceof Map)) {
      throw new JourneyDefinitionException(source, List.of("expected a mapping at the top level"));
    }
    return Json.MAPPER.convertValue(loaded, ObjectNode.class);
  }

  private static String requiredText(JsonNode node, String field, List<String> problems) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      problems.add(field + ": required text");
      return null;
    }
    return value.asText();
  }

  static EventMatcher matcher(JsonNode node, String at, List<String> problems) {
    if (node == null || !node.isObject()) {
      problems.add(at + ": required, with an event and optional filters");
      return null;
    }
    JsonNode eventNode = node.get("event");
    String event =
        eventNode != null && eventNode.isTextual() && !eventNode.asText().isBlank()
            ? eventNode.asText()
            : null;
    if (event == null) {
      problems.add(at + ".event: required text");
    }
    List<FieldFilter> filters = new ArrayList<>();
    JsonNode list = node.path("filters");
    for (int i = 0; i < list.size(); i++) {
      filter(list.get(i), at + ".filters[" + i + "]", problems).ifPresent(filters::add);
    }
    return event == null ? null : new EventMatcher(event, filters);
  }

  private static Optional<FieldFilter> filter(JsonNode node, String at, List<String> problems) {
    String field = node.path("field").asText("");
    Optional<FilterOp> op = FilterOp.fromKey(node.path("op").asText(""));
    if (field.isBlank()) {
      problems.add(at + ".field: required");
    }
    if (op.isEmpty()) {
      problems.add(
          at
              + ".op: one of equals, notEquals, contains, startsWith, greaterThan, lessThan, exists, in");
    }
    if (op.isPresent() && op.get() != FilterOp.EXISTS && !node.has("value")) {
      problems.add(at + ".value: required for " + op.get().key());
    }
    if (op.isPresent() && op.get() == FilterOp.IN && !node.path("value").isArray()) {
      problems.add(at + ".value: a list for in");
    }
    return field.isBlank() || op.isEmpty()
        ? Optional.empty()
        : Optional.of(new FieldFilter(field, op.get(), node.get("value")));
  }

  private static JourneyDefinition.Eligibility eligibility(JsonNode root, List<String> problems) {
    String value = root.path("eligibility").asText("once");
    try {
      return JourneyDefinition.Eligibility.valueOf(value);
    } catch (IllegalArgumentException e) {
      problems.add("eligibility: once or multiple");
      return JourneyDefinition.Eligibility.once;
    }
  }

  static Optional<Span> span(JsonNode node, String at, List<String> problems) {
    if (node == null) {
      return Optional.empty();
    }
    Optional<Span> span = Span.parse(node.asText());
    if (span.isEmpty()) {
      problems.add(at + ": an ISO-8601 duration or period such as P30D, PT12H or P1M");
    }
    return span;
  }

  private static Optional<JourneyDefinition.EntryCap> entryCap(
      JsonNode node, List<String> problems) {
    if (node == null) {
      return Optional.empty();
    }
    int count = node.path("count").asInt(0);
    if (count < 1) {
      problems.add("entryCap.count: a whole number of at least 1");
    }
    Optional<Span> within = span(node.get("within"), "entryCap.within", problems);
    if (!node.has("within")) {
      problems.add("entryCap.within: required");
    }
    return within.map(w -> new JourneyDefinition.EntryCap(count, w));
  }

  private static Optional<JourneyDefinition.Goal> goal(JsonNode node, List<String> problems) {
    if (node == null) {
      return Optional.empty();
    }
    EventMatcher event = matcher(node, "goal", problems);
    Optional<Span> within = span(node.get("within"), "goal.within", problems);
    if (!node.has("within")) {
      problems.add("goal.within: required");
    }
    return event == null || within.isEmpty()
        ? Optional.empty()
        : Optional.of(
            new JourneyDefinition.Goal(
                event, within.get(), node.path("exitOnGoal").asBoolean(true)));
  }

  /** A short hash of the journey's content: a new version whenever either file changes. */
  static String version(String yaml, String definitionJson) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(yaml.getBytes(StandardCharsets.UTF_8));
      sha.update(definitionJson.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
