package dev.waymark.core.journey.publish;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.journey.JourneyDefinition;
import java.util.List;
import java.util.Map;

/**
 * Turns a journey document into what is published: its entry rules and policies ({@link
 * JourneyDefinition}), the state machine definition (ASL) and the templates its sends use. A bad
 * document is refused with a {@code ProblemException} (400) naming each field.
 */
public interface JourneyCompilation {
  /**
   * @param templateVersions template id → the version a send step pins; empty to pin none
   */
  Compiled compile(JsonNode document, Map<String, String> templateVersions);

  /** The entry rules and policies of a document already published (the router's catalog). */
  default JourneyDefinition definition(JsonNode document) {
    return compile(document, Map.of()).definition();
  }

  record Compiled(JourneyDefinition definition, String asl, List<String> templateIds) {
    public Compiled {
      templateIds = List.copyOf(templateIds);
    }
  }
}
