package dev.waymark.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.journey.language.TemplateLookup;
import dev.waymark.core.json.Json;
import dev.waymark.core.message.TemplateDocuments;
import dev.waymark.core.message.TemplateRenderer;
import dev.waymark.core.message.TemplateStore;
import dev.waymark.core.message.TemplateStore.StoredTemplate;
import dev.waymark.core.message.TestRecipients;
import dev.waymark.core.problem.Problem;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.profile.ProfileService;
import dev.waymark.core.send.Deliveries;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Templates as data (see docs/templates.md): versions put and read, previews, test sends to the
 * account's test list; the shared layouts they are wrapped in ({@link LayoutService}, whose {@link
 * LayoutService#renderer()} is the {@code renderer}). Every refusal is a 4xx problem naming the
 * field.
 */
public record TemplateService(
    TemplateStore store,
    LayoutService layouts,
    TestRecipients recipients,
    TemplateRenderer renderer,
    ProfileService profiles,
    Deliveries deliveries,
    Clock clock) {
  /** The largest template document stored, in bytes of its JSON (a DynamoDB item is 400 KB). */
  public static final int MAX_DOCUMENT_BYTES = 128 * 1024;

  /** Validates the document (shape, then strict rendering against its sample) and stores it. */
  public TemplateStore.Saved put(String id, JsonNode document) {
    checkId(id);
    if (document != null
        && Json.write(document).getBytes(StandardCharsets.UTF_8).length > MAX_DOCUMENT_BYTES) {
      throw new ProblemException(
          Problem.tooLarge("/", "the document is larger than " + MAX_DOCUMENT_BYTES + " bytes"));
    }
    return store.put(id, TemplateDocuments.validate(document, renderer), clock.instant());
  }

  public StoredTemplate latest(String id) {
    checkId(id);
    return store.latest(id).orElseThrow(() -> ProblemException.notFound("no template " + id));
  }

  public List<StoredTemplate> versions(String id) {
    latest(id);
    return store.versions(id);
  }

  /** The latest version of every template. */
  public List<StoredTemplate> all() {
    return store.ids().stream().map(store::latest).flatMap(java.util.Optional::stream).toList();
  }

  /**
   * The latest version of each template, for the journey parser ({@code TemplateLookup}): a send
   * step's template must exist and have its channels.
   */
  public TemplateLookup lookup() {
    return id -> store.latest(id).map(StoredTemplate::template);
  }

  /**
   * The versions a journey version pins: each template id that exists with its latest version
   * ({@code "3"}), for {@code JourneyCompiler.compile(doc, functions, templateVersions)}.
   */
  public Map<String, String> pin(Collection<String> templateIds) {
    Map<String, String> pinned = new TreeMap<>();
    for (String id : templateIds) {
      store.latest(id).ifPresent(t -> pinned.put(id, Integer.toString(t.version())));
    }
    return pinned;
  }

  /** A version named in a path or body ({@code "2"}); 400 if it is not a number, 404 if absent. */
  public StoredTemplate version(String id, String version, String field) {
    checkId(id);
    int v;
    try {
      v = Integer.parseInt(version);
    } catch (NumberFormatException e) {
      throw ProblemException.invalidField(field, "a version number (1, 2, ...)");
    }
    if (v < 1) {
      throw ProblemException.invalidField(field, "a version number (1, 2, ...)");
    }
    return store
        .version(id, v)
        .orElseThrow(() -> ProblemException.notFound("template " + id + " has no version " + v));
  }

  /** The version a preview or test send asks for ({@code "version"}), else the latest. */
  StoredTemplate requested(String id, JsonNode body) {
    JsonNode version = body.get("version");
    return version == null || version.isNull()
        ? latest(id)
        : version(id, version.asText(), "/version");
  }

  /**
   * A version rendered for a person or data; with {@code "document"}, an unsaved draft of the
   * template (shape-checked, version 0, nothing stored): the console's preview as one types.
   */
  public TemplatePreviews.Preview preview(String id, JsonNode body) {
    JsonNode request = object(body);
    JsonNode draft = request.get("document");
    if (draft == null) {
      return new TemplatePreviews(renderer, profiles).preview(requested(id, request), request);
    }
    checkId(id);
    if (request.has("version")) {
      throw ProblemException.invalidField("/version", "give a version or a document, not both");
    }
    StoredTemplate unsaved =
        new StoredTemplate(id, 0, TemplateDocuments.draft(draft), clock.instant());
    return new TemplatePreviews(renderer, profiles).preview(unsaved, request);
  }

  public TestSends.Sent testSend(String id, JsonNode body) {
    JsonNode request = object(body);
    return new TestSends(renderer, recipients, deliveries, clock)
        .send(requested(id, request), request);
  }

  public List<String> testRecipients() {
    return recipients.addresses();
  }

  public List<String> replaceTestRecipients(JsonNode body) {
    List<String> addresses = TestSends.addresses(object(body));
    recipients.replace(addresses, clock.instant());
    return addresses;
  }

  static JsonNode object(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new ProblemException(
          Problem.invalidField("/", "the request body must be a JSON object"));
    }
    return body;
  }

  static void checkId(String id) {
    if (id == null || !TemplateDocuments.ID.matcher(id).matches()) {
      throw ProblemException.invalidField("id", "a template id is [a-z0-9-]{1,64}");
    }
  }
}
