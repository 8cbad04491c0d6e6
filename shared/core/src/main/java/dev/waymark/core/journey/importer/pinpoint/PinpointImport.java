package dev.waymark.core.journey.importer.pinpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.journey.importer.pinpoint.ImportContext.Node;
import dev.waymark.core.journey.language.JourneyDocuments;
import dev.waymark.core.journey.language.TemplateLookup;
import dev.waymark.core.json.Json;
import dev.waymark.core.problem.Problem;
import dev.waymark.core.problem.ProblemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Converts an Amazon Pinpoint journey export into a Waymark journey document (see
 * docs/pinpoint-import.md), listing precisely what could not be carried over.
 *
 * <p>The body is the export itself (a {@code WriteJourneyRequest} or {@code JourneyResponse}), the
 * output of {@code aws pinpoint get-journey} ({@code {"JourneyResponse": {...}}}), the input of
 * {@code create-journey --cli-input-json} ({@code {"WriteJourneyRequest": {...}}}), or {@code
 * {"export": <one of those>, "id", "segments", "templates"}} to choose the journey id and map
 * Pinpoint segment ids and template names to Waymark ids. A malformed export is a 400 problem
 * naming each bad field by its JSON pointer in the body. Pure: nothing is saved.
 */
public final class PinpointImport {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final List<String> ORDER =
      List.of(
          "id",
          "name",
          "description",
          "entry",
          "audience",
          "eligibility",
          "lock",
          "entryCap",
          "holdoutPercent",
          "startsAt",
          "endsAt",
          "start",
          "steps");
  private static final Set<String> ENVELOPE = Set.of("export", "id", "segments", "templates");

  /** Something of the export not carried over exactly: where, and why. */
  public record Unmapped(String activity, String field, String reason) {}

  /** A Waymark template the document uses, the Pinpoint template it stands for, its channels. */
  public record TemplateUse(String template, String pinpointTemplate, List<String> channels) {}

  /** The journey id to use (null: from the name) and the id maps. */
  public record Options(String id, Map<String, String> segments, Map<String, String> templates) {
    public static Options defaults() {
      return new Options(null, Map.of(), Map.of());
    }
  }

  /** The result: the document, each activity's step, the templates and segments it needs. */
  public record Imported(
      ObjectNode document,
      Map<String, String> steps,
      List<TemplateUse> templates,
      Map<String, String> segments,
      List<Unmapped> unmapped) {
    public String journeyId() {
      return document.path("id").asText();
    }

    /** {@code {journeyId, document, steps, templates, segments, unmapped}}. */
    public ObjectNode toJson() {
      ObjectNode body = Json.object().put("journeyId", journeyId());
      body.set("document", document);
      body.set("steps", Json.MAPPER.valueToTree(steps));
      body.set("templates", Json.MAPPER.valueToTree(templates));
      ArrayNode list = body.putArray("segments");
      segments.forEach(
          (id, pinpoint) -> list.addObject().put("segment", id).put("pinpointSegment", pinpoint));
      body.set("unmapped", Json.MAPPER.valueToTree(unmapped));
      return body;
    }
  }

  private PinpointImport() {}

  /** Converts a request body (the export, or the envelope with options). */
  public static Imported convert(JsonNode body) {
    ImportContext ctx = new ImportContext();
    Node root = new Node(body, "");
    if (body == null || !body.isObject()) {
      throw ProblemException.invalidField("/", "must be a JSON object: a Pinpoint journey export");
    }
    Options options = Options.defaults();
    if (body.has("export")) {
      ctx.ignoreUnknown(null, root, ENVELOPE);
      options = options(ctx, root);
      root = root.get("export");
      if (!ctx.object(root)) {
        ctx.fail(root, "is required: the Pinpoint journey export");
      }
      ctx.throwIfFailed();
    }
    return convert(ctx, unwrap(root), options);
  }

  /** Converts an export with options (the export's pointers start at its root). */
  public static Imported convert(JsonNode export, Options options) {
    if (export == null || !export.isObject()) {
      throw ProblemException.invalidField("/", "must be a JSON object: a Pinpoint journey export");
    }
    return convert(new ImportContext(), unwrap(new Node(export, "")), options);
  }

  private static Node unwrap(Node root) {
    for (String wrapper : List.of("JourneyResponse", "WriteJourneyRequest")) {
      if (root.json().has(wrapper) && !root.json().has("Activities")) {
        return root.get(wrapper);
      }
    }
    return root;
  }

  private static Options options(ImportContext ctx, Node root) {
    String id = ctx.text(root.get("id")).orElse(null);
    if (id != null && !ID.matcher(id).matches()) {
      ctx.fail(root.get("id"), "a journey id is [a-z0-9][a-z0-9-]{0,63}");
    }
    return new Options(id, idMap(ctx, root.get("segments")), idMap(ctx, root.get("templates")));
  }

  private static Map<String, String> idMap(ImportContext ctx, Node at) {
    Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, Node> e : ctx.entries(at)) {
      ctx.text(e.getValue())
          .ifPresent(
              v -> {
                if (ID.matcher(v).matches()) {
                  map.put(e.getKey(), v);
                } else {
                  ctx.fail(e.getValue(), "a Waymark id is [a-z0-9][a-z0-9-]{0,63}");
                }
              });
    }
    return map;
  }

  private static Imported convert(ImportContext ctx, Node root, Options options) {
    if (!ctx.object(root)) {
      ctx.throwIfFailed();
    }
    ObjectNode document = Json.object();
    String name = ctx.requiredText(root.get("Name")).orElse("");
    String id = options.id() != null ? options.id() : Ids.slug(name, Ids.ID_MAX);
    if (!name.isEmpty() && id.isEmpty()) {
      ctx.fail(root.get("Name"), "needs letters or digits to make a journey id (or give an id)");
    }
    document.put("id", id).put("name", name.isEmpty() ? id : name);
    String start = ctx.requiredText(root.get("StartActivity")).orElse(null);
    ActivityGraph graph = new ActivityGraph(ctx, root.get("Activities"), start);
    if (start != null && !ctx.failed() && !graph.has(start)) {
      ctx.fail(root.get("StartActivity"), "names no activity of the journey (\"" + start + "\")");
    }
    ctx.throwIfFailed();
    Settings settings = new Settings(ctx);
    Activities steps = new Activities(ctx, graph, options);
    steps.window(settings.window(root));
    settings.start(root, document, steps);
    settings.limits(root, document);
    String first = steps.convert(start);
    steps.holdoutPercent().filter(p -> p > 0).ifPresent(p -> document.put("holdoutPercent", p));
    settings.schedule(root, document);
    settings.notKept(root);
    ctx.throwIfFailed();
    ArrayNode list = document.putArray("steps");
    if (first == null) {
      list.addObject().put("id", "end").put("type", "exit");
      document.put("start", "end");
    } else {
      document.put("start", first);
      steps.steps().forEach(list::add);
    }
    ObjectNode ordered = Json.object();
    for (String field : ORDER) {
      if (document.has(field)) {
        ordered.set(field, document.get(field));
      }
    }
    check(ordered);
    return new Imported(
        ordered,
        steps.stepIds(),
        List.copyOf(steps.templates().values()),
        steps.segments(),
        ctx.unmapped());
  }

  /** The document must be one Waymark accepts; an importer bug is named, not hidden. */
  private static void check(ObjectNode document) {
    try {
      JourneyDocuments.parseJson(document, TemplateLookup.ANY);
    } catch (ProblemException e) {
      Problem p = e.problem();
      throw new ProblemException(
          Problem.invalid(
              "the export converts to a journey document Waymark refuses: " + p.detail(),
              p.errors().stream()
                  .map(
                      f ->
                          new dev.waymark.core.problem.FieldError(
                              "/document" + f.field(), f.message()))
                  .toList()));
    }
  }
}
