package dev.waymark.core.segment;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One audience, as {@code segments/<id>.yaml} states it: an id, a name, a description and the rule
 * people must meet; {@code source} is the rule as written (shown by the API).
 */
public record SegmentDefinition(
    String id, String name, String description, Rule rule, JsonNode source) {

  public RuleDependencies dependencies() {
    return RuleDependencies.of(rule);
  }
}
