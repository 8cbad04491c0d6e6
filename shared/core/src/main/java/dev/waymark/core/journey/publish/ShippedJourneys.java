package dev.waymark.core.journey.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.journey.ClasspathJourneys;
import dev.waymark.core.journey.language.JourneyDocuments;
import dev.waymark.core.problem.ProblemException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The journeys packaged with Waymark ({@code statemachines/<id>/journey.yaml} on the class path),
 * published through the same path as any other: at deploy (the {@code PublishShippedJourneys}
 * custom resource) and when the local runtime starts.
 */
public final class ShippedJourneys {
  private ShippedJourneys() {}

  /** Every packaged journey document, as JSON, by id. */
  public static List<ObjectNode> documents(ClassLoader loader) {
    List<ObjectNode> documents = new ArrayList<>();
    for (String id : ClasspathJourneys.journeyIds(loader)) {
      String path = ClasspathJourneys.ROOT + "/" + id + "/journey.yaml";
      documents.add(
          (ObjectNode)
              JourneyDocuments.readYaml(ClasspathJourneys.readOptional(loader, path), path));
    }
    return documents;
  }

  /**
   * Saves each packaged journey as its draft (unless the draft is that document already) and
   * publishes it: a document that did not change gives no new version, and leaves a paused or
   * stopped journey as it is.
   */
  public static List<JourneyPublisher.Published> publishAll(
      JourneyPublisher publisher, ClassLoader loader) {
    List<JourneyPublisher.Published> published = new ArrayList<>();
    Map<String, JsonNode> drafts = new HashMap<>();
    publisher.list(true).forEach(j -> drafts.put(j.id(), j.draft()));
    for (ObjectNode document : documents(loader)) {
      String id = document.path("id").asText();
      try {
        if (!document.equals(drafts.get(id))) {
          publisher.saveDraft(id, document);
        }
        published.add(publisher.publish(id));
      } catch (ProblemException refused) {
        throw new IllegalStateException(
            "the shipped journey "
                + id
                + " cannot be published: "
                + refused.problem().errors().stream()
                    .map(e -> e.field() + " " + e.message())
                    .toList(),
            refused);
      }
    }
    return published;
  }
}
