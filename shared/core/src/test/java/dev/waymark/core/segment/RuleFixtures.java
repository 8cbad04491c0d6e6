package dev.waymark.core.segment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.json.Json;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.Traits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Builds rules from YAML and contexts from traits and events, for the rule-language tests. */
final class RuleFixtures {
  private RuleFixtures() {}

  static Rule rule(String yaml) {
    return SegmentYaml.parse("id: t\nrule:\n" + yaml.indent(2), "test").rule();
  }

  static Profile profile(String traitsJson, Identity... identities) {
    Profile profile =
        Profile.create("p1", List.of(identities), Instant.parse("2026-01-01T00:00:00Z"));
    ObjectNode traits = Json.parseObject(traitsJson);
    return profile.withTraits(
        Traits.empty().applying(traits, Instant.parse("2026-01-01T00:00:00Z")),
        Instant.parse("2026-01-01T00:00:00Z"));
  }

  static SegmentContext context(Profile profile, Instant now, InboundEvent... events) {
    List<InboundEvent> newestFirst = new ArrayList<>(List.of(events));
    newestFirst.sort((a, b) -> b.timestamp().compareTo(a.timestamp()));
    return new SegmentContext(profile, now, Set.of(), () -> newestFirst);
  }

  static SegmentContext context(String traitsJson, Instant now) {
    return context(profile(traitsJson), now);
  }

  static InboundEvent track(String name, String at, String propertiesJson) {
    ObjectNode body =
        Json.object()
            .put("type", "track")
            .put("event", name)
            .put("messageId", name + at)
            .put("userId", "u1")
            .put("timestamp", at);
    body.set("properties", Json.parseObject(propertiesJson));
    return new InboundEvent(body, Instant.parse(at));
  }

  static InboundEvent page(String name, String at, String propertiesJson) {
    ObjectNode body =
        Json.object()
            .put("type", "page")
            .put("name", name)
            .put("messageId", name + at)
            .put("anonymousId", "a1")
            .put("timestamp", at);
    body.set("properties", Json.parseObject(propertiesJson));
    return new InboundEvent(body, Instant.parse(at));
  }
}
