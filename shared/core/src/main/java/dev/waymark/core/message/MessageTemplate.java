package dev.waymark.core.message;

import java.util.Map;
import java.util.Optional;

/**
 * One message template, as sends render it: parts in Liquid: {@code subject}, {@code html}, {@code
 * text} (email), {@code sms}, {@code pushTitle}, {@code pushBody}, and optionally the name of a
 * shared {@code layout} the HTML is wrapped in. {@code name} is the template id (global); {@code
 * journeyId} is the folder a file template was read from, null for a template from the store (see
 * {@link TemplateDocument}, the document the API and the files use).
 */
public record MessageTemplate(
    String journeyId, String name, Map<String, String> parts, Optional<String> layout) {
  public static final java.util.Set<String> PARTS =
      java.util.Set.of("subject", "html", "text", "sms", "pushTitle", "pushBody");

  public MessageTemplate {
    parts = Map.copyOf(parts);
  }

  public boolean supports(Channel channel) {
    return switch (channel) {
      case email ->
          parts.containsKey("subject") && (parts.containsKey("html") || parts.containsKey("text"));
      case sms -> parts.containsKey("sms");
      case push -> parts.containsKey("pushBody");
    };
  }
}
