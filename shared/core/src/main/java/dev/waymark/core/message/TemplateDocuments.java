package dev.waymark.core.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.json.Json;
import dev.waymark.core.problem.FieldError;
import dev.waymark.core.problem.Problem;
import dev.waymark.core.problem.ProblemException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads and checks template documents (see {@link TemplateDocument}): the shape first (unknown,
 * missing or mistyped fields), then every part rendered strictly against the document's sample data
 * — a variable the sample lacks, an unknown filter or tag, broken syntax or an unknown layout is a
 * {@link FieldError} naming the part ({@code /email/subject}). Any error refuses the whole document
 * with one 400 problem.
 */
public final class TemplateDocuments {
  /** Template and layout ids: the same alphabet as journey ids. */
  public static final Pattern ID = Pattern.compile("[a-z0-9-]{1,64}");

  private static final Map<String, Set<String>> CHANNEL_FIELDS =
      Map.of(
          "email",
          Set.of("subject", "html", "text"),
          "sms",
          Set.of("body"),
          "push",
          Set.of("title", "body"));
  private static final Set<String> TOP = Set.of("layout", "email", "sms", "push", "sample");
  private static final Set<String> SAMPLE = Set.of("profile", "event", "data");

  private TemplateDocuments() {}

  /** A YAML file's document (the shipped templates); its errors name {@code source}. */
  public static TemplateDocument parseYaml(String yaml, String source, TemplateRenderer renderer) {
    Object loaded;
    try {
      loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    } catch (YAMLException e) {
      throw new ProblemException(Problem.invalidField("/", source + " is not valid YAML"));
    }
    return validate(Json.MAPPER.valueToTree(loaded), renderer);
  }

  /** The document if its shape is right and every part renders strictly against its sample. */
  public static TemplateDocument validate(JsonNode json, TemplateRenderer renderer) {
    List<FieldError> errors = new ArrayList<>();
    TemplateDocument doc = shape(json, errors);
    if (errors.isEmpty()) {
      errors.addAll(renderErrors(doc, renderer));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.invalid("invalid template document", errors));
    }
    return doc;
  }

  /**
   * A draft checked for its shape only (a preview of unsaved edits renders it leniently): a 400
   * naming each bad field, relative to the document.
   */
  public static TemplateDocument draft(JsonNode json) {
    List<FieldError> errors = new ArrayList<>();
    TemplateDocument doc = shape(json, errors);
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.invalid("invalid template document", errors));
    }
    return doc;
  }

  /** A document stored after validation, read back by its shape alone. */
  public static TemplateDocument read(JsonNode json) {
    List<FieldError> errors = new ArrayList<>();
    TemplateDocument doc = shape(json, errors);
    if (!errors.isEmpty()) {
      throw new IllegalStateException("a stored template document has a bad shape: " + errors);
    }
    return doc;
  }

  private static TemplateDocument shape(JsonNode json, List<FieldError> errors) {
    if (json == null || !json.isObject()) {
      errors.add(new FieldError("/", "a template document must be a JSON object"));
      return null;
    }
    unknown(json, TOP, "", errors);
    Map<String, String> parts = new HashMap<>();
    for (String channel : List.of("email", "sms", "push")) {
      JsonNode node = json.get(channel);
      if (node == null || node.isNull()) {
        continue;
      }
      if (!node.isObject()) {
        errors.add(new FieldError("/" + channel, "must be an object"));
        continue;
      }
      unknown(node, CHANNEL_FIELDS.get(channel), "/" + channel, errors);
      TemplateDocument.POINTERS.forEach(
          (part, pointer) -> {
            if (pointer.startsWith("/" + channel + "/")) {
              JsonNode source = node.get(pointer.substring(channel.length() + 2));
              if (source != null && !source.isNull()) {
                if (source.isTextual() && !source.asText().isBlank()) {
                  parts.put(part, source.asText());
                } else {
                  errors.add(new FieldError(pointer, "must be a non-empty string of Liquid"));
                }
              }
            }
          });
    }
    required(json, "email", "/email/subject", parts.containsKey("subject"), errors);
    if (json.path("email").isObject() && !parts.containsKey("html") && !parts.containsKey("text")) {
      required(json, "email", "/email/html", false, errors);
    }
    required(json, "sms", "/sms/body", parts.containsKey("sms"), errors);
    required(json, "push", "/push/body", parts.containsKey("pushBody"), errors);
    if (!json.path("email").isObject()
        && !json.path("sms").isObject()
        && !json.path("push").isObject()) {
      errors.add(new FieldError("/", "at least one channel (email, sms, push) is required"));
    }
    Optional<String> layout = Optional.empty();
    JsonNode l = json.get("layout");
    if (l != null && !l.isNull()) {
      if (l.isTextual() && ID.matcher(l.asText()).matches()) {
        layout = Optional.of(l.asText());
      } else {
        errors.add(new FieldError("/layout", "must be a layout id ([a-z0-9-]{1,64})"));
      }
    }
    return new TemplateDocument(layout, parts, sample(json.get("sample"), errors));
  }

  private static ObjectNode sample(JsonNode sample, List<FieldError> errors) {
    if (sample == null || sample.isNull()) {
      return Json.object();
    }
    if (!sample.isObject()) {
      errors.add(new FieldError("/sample", "must be an object {profile, event, data}"));
      return Json.object();
    }
    unknown(sample, SAMPLE, "/sample", errors);
    for (String field : SAMPLE) {
      JsonNode value = sample.get(field);
      if (value != null && !value.isNull() && !value.isObject()) {
        errors.add(new FieldError("/sample/" + field, "must be an object"));
      }
    }
    return (ObjectNode) sample;
  }

  private static void unknown(
      JsonNode node, Set<String> known, String at, List<FieldError> errors) {
    node.fieldNames()
        .forEachRemaining(
            name -> {
              if (!known.contains(name)) {
                errors.add(new FieldError(at + "/" + name, "unknown field"));
              }
            });
  }

  private static void required(
      JsonNode json, String channel, String pointer, boolean present, List<FieldError> errors) {
    if (json.path(channel).isObject()
        && !present
        && errors.stream().noneMatch(e -> e.field().equals(pointer))) {
      errors.add(new FieldError(pointer, "required"));
    }
  }

  /** Every part rendered strictly against the sample; the layout around the HTML too. */
  static List<FieldError> renderErrors(TemplateDocument doc, TemplateRenderer renderer) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, Object> data = TemplateData.fromSample(doc.sample());
    Map<String, String> rendered = new LinkedHashMap<>();
    doc.parts()
        .forEach(
            (part, source) -> {
              try {
                rendered.put(part, renderer.renderStrictly(source, data));
              } catch (RuntimeException e) {
                errors.add(
                    new FieldError(
                        TemplateDocument.POINTERS.get(part), TemplateRenderer.explain(e)));
              }
            });
    if (doc.layout().isPresent()) {
      Optional<String> layout = renderer.layout(doc.layout().get());
      if (layout.isEmpty()) {
        errors.add(new FieldError("/layout", "no shared layout named " + doc.layout().get()));
      } else if (!doc.parts().containsKey("html")) {
        errors.add(
            new FieldError("/layout", "a layout wraps /email/html, which this template lacks"));
      } else if (rendered.containsKey("html")) {
        Map<String, Object> withContent = new HashMap<>(data);
        withContent.put("content", rendered.get("html"));
        try {
          renderer.renderStrictly(layout.get(), withContent);
        } catch (RuntimeException e) {
          errors.add(
              new FieldError(
                  "/layout", "layout " + doc.layout().get() + " " + TemplateRenderer.explain(e)));
        }
      }
    }
    errors.sort(java.util.Comparator.comparing(FieldError::field));
    return errors;
  }
}
