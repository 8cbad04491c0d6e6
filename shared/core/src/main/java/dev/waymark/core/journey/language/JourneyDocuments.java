package dev.waymark.core.journey.language;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.journey.JourneyDefinition;
import dev.waymark.core.problem.FieldError;
import dev.waymark.core.problem.Problem;
import dev.waymark.core.problem.ProblemException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and validates journey documents (docs/journey-language.md; the JSON Schema {@code
 * schemas/journey.schema.json} describes the same shape). A document with any error is refused with
 * a {@link ProblemException} (400) listing every error found, each as a {@link FieldError} whose
 * field is the JSON pointer of the field ({@code /steps/3/next}) and whose message names the step
 * ({@code step "decide": unknown step id "nope"}).
 */
public final class JourneyDocuments {
  static final String INVALID = "invalid journey document";

  private JourneyDocuments() {}

  /**
   * @param yaml the document as YAML
   * @param source where it came from, for the problem's detail (a file name; may be blank)
   * @param templates the templates send steps may name; {@link TemplateLookup#ANY} to not check
   */
  public static JourneyDocument parseYaml(String yaml, String source, TemplateLookup templates) {
    return parse(SafeYaml.load(yaml, source), source, templates);
  }

  /**
   * A YAML document as the JSON the API takes (what is stored and published), refused with a 400
   * naming nothing internal when it is not YAML.
   */
  public static JsonNode readYaml(String yaml, String source) {
    return SafeYaml.load(yaml, source);
  }

  /**
   * @param json the document as JSON (as sent to {@code PUT /v1/journeys/{id}})
   * @param templates the templates send steps may name; {@link TemplateLookup#ANY} to not check
   */
  public static JourneyDocument parseJson(JsonNode json, TemplateLookup templates) {
    return parse(json, "", templates);
  }

  private static JourneyDocument parse(JsonNode json, String source, TemplateLookup templates) {
    if (json == null || !json.isObject()) {
      throw SafeYaml.invalid(source, "a journey document is a mapping of fields");
    }
    List<FieldError> errors = new ArrayList<>();
    Cursor root = Cursor.root(json, errors);
    Optional<JourneyDefinition> definition = DefinitionReader.read(root);
    Cursor stepsAt = root.field("steps");
    List<Cursor> cursors = stepsAt.required() ? stepsAt.items() : List.of();
    if (stepsAt.present() && stepsAt.node().isArray() && cursors.isEmpty()) {
      stepsAt.fail("must have at least one step");
    }
    List<String> ids = ids(cursors);
    StepReader reader = new StepReader(templates);
    List<Step> steps = new ArrayList<>();
    List<Cursor> labelled = new ArrayList<>();
    for (int i = 0; i < cursors.size(); i++) {
      Cursor step = cursors.get(i).labelled(label(i, ids.get(i)));
      labelled.add(step);
      steps.add(
          step.object() && ids.get(i) != null
              ? reader.read(i, step, ids.get(i)).orElse(null)
              : null);
    }
    Optional<String> start = root.field("start").text(Cursor.STEP_ID, "must be a step id");
    Optional<String> first =
        start.or(() -> ids.isEmpty() ? Optional.empty() : Optional.ofNullable(ids.get(0)));
    if (first.isPresent()) {
      new GraphRules(labelled, ids, steps)
          .check(
              reader,
              root.field("start"),
              first.get(),
              definition.flatMap(JourneyDefinition::startsAt),
              definition.flatMap(JourneyDefinition::endsAt));
    }
    if (!errors.isEmpty() || definition.isEmpty() || first.isEmpty()) {
      throw new ProblemException(
          Problem.invalid(INVALID + (source.isBlank() ? "" : " " + source), errors));
    }
    return new JourneyDocument(definition.get(), first.get(), steps, (ObjectNode) json.deepCopy());
  }

  /** Each step's id (null when missing, wrong or repeated), reporting what is wrong. */
  private static List<String> ids(List<Cursor> steps) {
    List<String> ids = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      Cursor step = steps.get(i).labelled("step at /steps/" + i + ": ");
      Cursor id = step.field("id");
      Optional<String> text =
          step.node().isObject() && id.required()
              ? id.text(Cursor.STEP_ID, "must be lower-case letters, digits and dashes, at most 48")
              : Optional.empty();
      if (text.isPresent() && seen.containsKey(text.get())) {
        id.labelled(label(i, text.get()))
            .problem("duplicate step id: also at /steps/" + seen.get(text.get()));
        text = Optional.empty();
      }
      text.ifPresent(t -> seen.put(t, ids.size()));
      ids.add(text.orElse(null));
    }
    return ids;
  }

  private static String label(int index, String id) {
    return id == null ? "step at /steps/" + index + ": " : "step \"" + id + "\": ";
  }
}
