package dev.waymark.core.message;

import java.util.Map;
import java.util.Optional;

/**
 * One message template: {@code statemachines/<journey>/templates/<name>.yaml}, whose parts are
 * Liquid: {@code subject}, {@code html}, {@code text} (email), {@code sms}, {@code pushTitle},
 * {@code pushBody}, and optionally the name of a shared {@code layout} the HTML is wrapped in.
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
