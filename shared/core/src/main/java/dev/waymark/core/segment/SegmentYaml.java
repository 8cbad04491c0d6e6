package dev.waymark.core.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.json.Json;
import dev.waymark.core.problem.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a segment definition ({@code segments/<id>.yaml}, or the JSON body of a preview) and
 * validates it; every problem names its field by JSON Pointer ({@code /rule/all/0/withinNextDays}).
 * The rule grammar itself is {@link RuleParser}'s; see docs/segments.md.
 */
public final class SegmentYaml {
  private static final Set<String> KNOWN = Set.of("id", "name", "description", "rule");

  private SegmentYaml() {}

  public static SegmentDefinition parse(String yaml, String source) {
    return parse(load(yaml, source), source);
  }

  public static SegmentDefinition parse(JsonNode root, String source) {
    List<FieldError> problems = new ArrayList<>();
    if (!(root instanceof ObjectNode)) {
      throw new SegmentDefinitionException(
          source, List.of(new FieldError("", "expected an object")));
    }
    root.fieldNames()
        .forEachRemaining(
            name -> {
              if (!KNOWN.contains(name)) {
                problems.add(new FieldError("/" + name, "unknown field; expected one of " + KNOWN));
              }
            });
    JsonNode id = root.get("id");
    if (id == null || !id.isTextual() || !id.asText().matches("[a-z0-9][a-z0-9-]{0,63}")) {
      problems.add(
          new FieldError(
              "/id", "required: lower-case letters, digits and dashes, at most 64 characters"));
    }
    JsonNode name = root.get("name");
    if (name != null && !name.isTextual()) {
      problems.add(new FieldError("/name", "must be text"));
    }
    Rule rule = new RuleParser(problems).rule(root.get("rule"), "/rule");
    if (!problems.isEmpty()) {
      throw new SegmentDefinitionException(source, problems);
    }
    String segmentId = id.asText();
    return new SegmentDefinition(
        segmentId,
        root.path("name").asText(segmentId),
        root.path("description").asText(""),
        rule,
        root.get("rule"));
  }

  private static JsonNode load(String yaml, String source) {
    Object loaded;
    try {
      loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    } catch (RuntimeException e) {
      throw new SegmentDefinitionException(
          source, List.of(new FieldError("", "not valid YAML: " + e.getMessage())));
    }
    if (!(loaded instanceof Map)) {
      throw new SegmentDefinitionException(
          source, List.of(new FieldError("", "expected a mapping at the top level")));
    }
    return Json.MAPPER.valueToTree(loaded);
  }
}
