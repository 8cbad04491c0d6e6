package dev.waymark.core.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.journey.language.JourneyDocuments;
import dev.waymark.core.journey.language.TemplateLookup;

/**
 * Entry rules and policies for router and policy tests, written as the head of a journey document;
 * a document without steps gets one exit step (the steps do not matter to those tests).
 */
public final class TestJourneys {
  private TestJourneys() {}

  public static JourneyDefinition definition(String yaml) {
    return definition(JourneyDocuments.readYaml(yaml, "test"));
  }

  public static JourneyDefinition definition(JsonNode document) {
    ObjectNode withSteps = ((ObjectNode) document).deepCopy();
    if (!withSteps.has("steps")) {
      withSteps.putArray("steps").addObject().put("id", "done").put("type", "exit");
    }
    return JourneyDocuments.parseJson(withSteps, TemplateLookup.ANY).definition();
  }
}
