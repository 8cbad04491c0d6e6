package dev.waymark.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.json.Json;
import dev.waymark.core.message.LayoutStore;
import dev.waymark.core.message.LayoutStore.StoredLayout;
import dev.waymark.core.message.TemplateData;
import dev.waymark.core.message.TemplateDocuments;
import dev.waymark.core.message.TemplateRenderer;
import dev.waymark.core.problem.ProblemException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shared email layouts as data (see docs/templates.md#layouts): {@code {"html": "<Liquid with {{
 * content }}>"}} put as versions and read back. A layout is checked strictly when put: valid Liquid
 * that places {@code {{ content }}} and renders against a sample body with only the variables every
 * send has ({@code unsubscribeUrl}, {@code address}, {@code journey.id}) or defaulted ones, since
 * it wraps templates with different data. Every refusal is a 400 naming {@code /html} (or the
 * body).
 */
public record LayoutService(LayoutStore store, Clock clock) {
  /** What a layout's {@code {{ content }}} is rendered with when it is checked. */
  static final String SAMPLE_CONTENT = "<p>waymark-sample-content-7f3a</p>";

  /**
   * The renderer every template render and check uses: a template's layout is the latest version of
   * that id in this store.
   */
  public TemplateRenderer renderer() {
    return new TemplateRenderer(this::html);
  }

  /** The latest HTML of a layout, if it exists. */
  public Optional<String> html(String id) {
    return store.latest(id).map(StoredLayout::html);
  }

  /** Validates the body ({@code {"html": ...}}) and stores it as the next version. */
  public LayoutStore.Saved put(String id, JsonNode body) {
    checkId(id);
    return store.put(id, validate(body), clock.instant());
  }

  /** The same for a layout's HTML as it is (the shipped files). */
  public LayoutStore.Saved putHtml(String id, String html) {
    checkId(id);
    return store.put(id, validate(Json.object().put("html", html)), clock.instant());
  }

  public StoredLayout latest(String id) {
    checkId(id);
    return store.latest(id).orElseThrow(() -> ProblemException.notFound("no layout " + id));
  }

  public List<StoredLayout> versions(String id) {
    latest(id);
    return store.versions(id);
  }

  /** The latest version of every layout. */
  public List<StoredLayout> all() {
    return store.ids().stream().map(store::latest).flatMap(Optional::stream).toList();
  }

  /** The layout's HTML if the body is {@code {"html": "<valid layout>"}}; else a 400. */
  static String validate(JsonNode body) {
    JsonNode request = TemplateService.object(body);
    request
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!name.equals("html")) {
                throw ProblemException.invalidField("/" + name, "unknown field");
              }
            });
    JsonNode html = request.get("html");
    if (html == null || html.isNull()) {
      throw ProblemException.invalidField("/html", "required");
    }
    if (!html.isTextual() || html.asText().isBlank()) {
      throw ProblemException.invalidField("/html", "must be a non-empty string of Liquid");
    }
    String source = html.asText();
    Map<String, Object> data = new HashMap<>(TemplateData.fromSample(Json.object()));
    data.put("content", SAMPLE_CONTENT);
    String rendered;
    try {
      rendered = new TemplateRenderer(name -> Optional.empty()).renderStrictly(source, data);
    } catch (RuntimeException e) {
      throw ProblemException.invalidField("/html", TemplateRenderer.explain(e));
    }
    if (!rendered.contains(SAMPLE_CONTENT)) {
      throw ProblemException.invalidField(
          "/html", "must place {{ content }}, where the template's HTML goes");
    }
    return source;
  }

  static void checkId(String id) {
    if (id == null || !TemplateDocuments.ID.matcher(id).matches()) {
      throw ProblemException.invalidField("id", "a layout id is [a-z0-9-]{1,64}");
    }
  }
}
