package dev.waymark.core.message;

import dev.waymark.core.json.Json;
import java.util.HashMap;
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
  private final TemplateParser parser =
      new TemplateParser.Builder()
          .withStrictVariables(true)
          .withErrorMode(TemplateParser.ErrorMode.STRICT)
          .withObjectMapper(Json.MAPPER)
          .build();
  private final Function<String, Optional<String>> layouts;

  /**
   * @param layouts finds a shared layout by name; each has {@code {{ content }}} where the message
   *     goes
   */
  public TemplateRenderer(Function<String, Optional<String>> layouts) {
    this.layouts = layouts;
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
      SYNTAX.parse(source);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static final TemplateParser SYNTAX =
      new TemplateParser.Builder().withErrorMode(TemplateParser.ErrorMode.STRICT).build();

  private static final Pattern DEFAULTED =
      Pattern.compile("\\{\\{-?\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*\\|\\s*default\\b");

  /**
   * The data, with each variable the source uses with {@code | default} present (empty, so the
   * default applies, when missing).
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> withDefaultedVariables(String source, Map<String, Object> data) {
    Matcher m = DEFAULTED.matcher(source);
    Map<String, Object> copy = null;
    while (m.find()) {
      copy = copy == null ? deepCopy(data) : copy;
      String[] path = m.group(1).split("\\.");
      Map<String, Object> node = copy;
      for (int i = 0; i < path.length - 1 && node != null; i++) {
        Object next = node.computeIfAbsent(path[i], k -> new HashMap<String, Object>());
        node = next instanceof Map ? (Map<String, Object>) next : null;
      }
      if (node != null) {
        node.putIfAbsent(path[path.length - 1], "");
      }
    }
    return copy == null ? data : copy;
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
      return parser.parse(source).render(withDefaultedVariables(source, data));
    } catch (VariableNotExistException e) {
      throw new TemplateException(
          template, part, "uses {{ " + e.getVariableName() + " }}, which the data does not have");
    } catch (LiquidException | IllegalArgumentException e) {
      throw new TemplateException(template, part, e.getMessage());
    }
  }
}
