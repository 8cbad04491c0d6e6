package dev.waymark.core.journey.publish;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * One published version of a journey, immutable: the document as published, its compiled ASL, the
 * state machine version it runs on and the template versions it pinned.
 */
public record JourneyVersion(
    String journeyId,
    int version,
    ObjectNode document,
    String asl,
    String stateMachineVersionArn,
    Map<String, String> templateVersions,
    Instant publishedAt) {
  public JourneyVersion {
    templateVersions = Map.copyOf(templateVersions);
  }
}
