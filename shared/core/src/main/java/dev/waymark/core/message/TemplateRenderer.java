package dev.waymark.core.message;

import dev.waymark.core.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liqp.TemplateParser;
import liqp.exceptions.LiquidException;
import liqp.exceptions.VariableNotExistException;

/**
 * Renders message templates with Liquid, strictly: a variable the data does not have is an error
 * (caught when journeys are validated at build), never a blank in a customer's inbox. The one
 * exception is a variable the template itself gives a fallback with {@code | default: ...}: an
 * optional trait such as {@code {{ profile.firstName | default: 'there' }}} may be missing.
 */
public final class TemplateRenderer {
  private static final int MAX_MISSING = 50;
  private final Function<String, Optional<String>> layouts;

  /**
   * The parsers (settings only, so shared), built when a template is first checked or rendered, not
   * when a function starts: Liquid and the JSON mapper it renders with are classes only the
   * functions that render load (docs/performance.md#cold-starts).
   */
  private static final class Parsers {
    static final TemplateParser STRICT = parser(true);
    static final TemplateParser LENIENT = parser(false);
    static final TemplateParser SYNTAX =
        new TemplateParser.Builder().withErrorMode(TemplateParser.ErrorMode.STRICT).build();
  }

  /** Unknown filters and tags are always errors; unknown variables when {@code strictVariables}. */
  private static TemplateParser parser(boolean strictVariables) {
    return new TemplateParser.Builder()
        .withStrictVariables(strictVariables)
        .withErrorMode(TemplateParser.ErrorMode.STRICT)
        .withObjectMapper(Json.MAPPER)
        .build();
  }

  /**
   * @param layouts finds a shared layout by name; each has {@code {{ content }}} where the message
   *     goes
   */
  public TemplateRenderer(Function<String, Optional<String>> layouts) {
    this.layouts = layouts;
  }

  /**
   * This renderer, but with the layout {@code name} already read ({@code html}, empty when there is
   * no such layout), e.g. in the same batch as a send's other reads.
   */
  public TemplateRenderer withLayout(String name, Optional<String> html) {
    return new TemplateRenderer(n -> n.equals(name) ? html : layouts.apply(n));
  }

  public RenderedMessage render(
      MessageTemplate template, Channel channel, Map<String, Object> data) {
    return switch (channel) {
      case email ->
          new RenderedMessage(
              channel,
              part(template, "subject", data),
              html(template, data),
              template.parts().containsKey("text") ? part(template, "text", data) : null,
              null);
      case sms -> new RenderedMessage(channel, null, null, part(template, "sms", data), null);
      case push ->
          new RenderedMessage(
              channel,
              template.parts().containsKey("pushTitle") ? part(template, "pushTitle", data) : null,
              null,
              part(template, "pushBody", data),
              null);
    };
  }

  /**
   * Renders one named part on its own, as strictly as a message's parts (e.g. a journey webhook's
   * body, given as a one-part template).
   */
  public String renderPart(MessageTemplate template, String part, Map<String, Object> data) {
    return part(template, part, data);
  }

  private String html(MessageTemplate template, Map<String, Object> data) {
    if (!template.parts().containsKey("html")) {
      return null;
    }
    String body = part(template, "html", data);
    if (template.layout().isEmpty()) {
      return body;
    }
    String layout = layouts.apply(template.layout().get()).orElse(null);
    if (layout == null) {
      throw new TemplateException(
          template, "layout", "no shared layout named " + template.layout().get());
    }
    Map<String, Object> withContent = new java.util.HashMap<>(data);
    withContent.put("content", body);
    return render(template, "layout " + template.layout().get(), layout, withContent);
  }

  /**
   * Whether {@code source} is Liquid this renderer can parse (its syntax only: the variables it
   * uses are checked when it renders). For sources other than templates, e.g. a webhook's body.
   */
  public static boolean isValidLiquid(String source) {
    try {
      Parsers.SYNTAX.parse(source);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static final Pattern DEFAULTED =
      Pattern.compile("\\{\\{-?\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*\\|\\s*default\\b");

  /**
   * The data, with each variable the source uses with {@code | default} present (empty, so the
   * default applies, when missing).
   */
  static Map<String, Object> withDefaultedVariables(String source, Map<String, Object> data) {
    Matcher m = DEFAULTED.matcher(source);
    Map<String, Object> copy = null;
    while (m.find()) {
      copy = copy == null ? deepCopy(data) : copy;
      putEmpty(copy, m.group(1));
    }
    return copy == null ? data : copy;
  }

  /** Puts "" at a dotted path unless something is there; false when the path cannot hold it. */
  @SuppressWarnings("unchecked")
  private static boolean putEmpty(Map<String, Object> data, String dotted) {
    String[] path = dotted.split("\\.");
    Map<String, Object> node = data;
    for (int i = 0; i < path.length - 1 && node != null; i++) {
      Object next = node.computeIfAbsent(path[i], k -> new HashMap<String, Object>());
      node = next instanceof Map ? (Map<String, Object>) next : null;
    }
    return node != null && node.putIfAbsent(path[path.length - 1], "") == null;
  }

  /** A preview: the text, and the variables the data lacked (rendered as blanks). */
  public record Lenient(String text, List<String> missing) {}

  /**
   * Renders as strictly as {@link #renderStrictly} except that each missing variable is rendered
   * blank and reported, so a preview shows the whole message and every gap in it.
   */
  public Lenient renderReportingMissing(String source, Map<String, Object> data) {
    List<String> missing = new ArrayList<>();
    Map<String, Object> filled = deepCopy(data);
    for (int attempt = 0; attempt < MAX_MISSING; attempt++) {
      try {
        return new Lenient(renderStrictly(source, filled), List.copyOf(missing));
      } catch (VariableNotExistException e) {
        if (missing.contains(e.getVariableName()) || !putEmpty(filled, e.getVariableName())) {
          missing.add(e.getVariableName());
          break;
        }
        missing.add(e.getVariableName());
      }
    }
    return new Lenient(
        Parsers.LENIENT.parse(source).render(withDefaultedVariables(source, filled)),
        List.copyOf(new java.util.LinkedHashSet<>(missing)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> data) {
    Map<String, Object> copy = new HashMap<>();
    data.forEach((k, v) -> copy.put(k, v instanceof Map ? deepCopy((Map<String, Object>) v) : v));
    return copy;
  }

  private String part(MessageTemplate template, String part, Map<String, Object> data) {
    String source = template.parts().get(part);
    if (source == null) {
      throw new TemplateException(template, part, "the template has no " + part);
    }
    return render(template, part, source, data);
  }

  private String render(
      MessageTemplate template, String part, String source, Map<String, Object> data) {
    try {
      return renderStrictly(source, data);
    } catch (RuntimeException e) {
      throw new TemplateException(template, part, explain(e));
    }
  }

  /** Renders one Liquid source strictly (see the class comment); throws what Liquid throws. */
  public String renderStrictly(String source, Map<String, Object> data) {
    return Parsers.STRICT.parse(source).render(withDefaultedVariables(source, data));
  }

  /** The shared layout of that name, if there is one. */
  public Optional<String> layout(String name) {
    return layouts.apply(name);
  }

  private static final Pattern POSITION = Pattern.compile("line (\\d+), index (\\d+)");
  private static final Pattern UNKNOWN_FILTER =
      Pattern.compile("no filter available named: \\|?(\\S+)");
  private static final Pattern UNKNOWN_TAG = Pattern.compile("Invalid Tag: '([^']*)'");

  /**
   * What went wrong in Liquid's words turned into the template author's: the missing variable, the
   * unknown filter or tag, or where the syntax breaks — never the library's internals.
   */
  public static String explain(RuntimeException e) {
    if (e instanceof VariableNotExistException missing) {
      return "uses {{ " + missing.getVariableName() + " }}, which the data does not have";
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    Matcher filter = UNKNOWN_FILTER.matcher(message);
    if (filter.find()) {
      return "unknown filter \"" + filter.group(1) + "\"";
    }
    Matcher tag = UNKNOWN_TAG.matcher(message);
    if (tag.find()) {
      return "unknown tag \"" + tag.group(1) + "\"";
    }
    Matcher at = POSITION.matcher(message);
    String where = at.find() ? " at line " + at.group(1) + ", column " + at.group(2) : "";
    return e instanceof LiquidException && message.contains("parser error")
        ? "invalid Liquid syntax" + where
        : "cannot be rendered" + where;
  }
}
