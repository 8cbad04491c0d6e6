package dev.waymark.core.profile;

import java.util.Map;
import java.util.TreeMap;

/**
 * A person's consents: one decision per channel and optionally one per (channel, topic). Keys are
 * {@code email}, {@code sms}, {@code push} and {@code email/<topic>} and so on. A topic decision
 * overrides the channel decision for that topic; no decision at all means no consent.
 */
public record Consents(Map<String, ConsentDecision> decisions) {

  public Consents {
    decisions = Map.copyOf(decisions);
  }

  public static Consents none() {
    return new Consents(Map.of());
  }

  public static String key(ConsentChannel channel, String topic) {
    return topic == null || topic.isEmpty() ? channel.key() : channel.key() + "/" + topic;
  }

  /** Records a decision unless a newer one is already known. */
  public Consents with(ConsentChannel channel, String topic, ConsentDecision decision) {
    Map<String, ConsentDecision> next = new TreeMap<>(decisions);
    next.merge(key(channel, topic), decision, (current, incoming) -> current.newer(incoming));
    return new Consents(next);
  }

  /** Per key, the newer decision wins; on a tie this profile's (the survivor's) is kept. */
  public Consents mergedWith(Consents other) {
    Map<String, ConsentDecision> next = new TreeMap<>(decisions);
    other.decisions.forEach(
        (key, decision) ->
            next.merge(
                key,
                decision,
                (mine, theirs) -> theirs.updatedAt().isAfter(mine.updatedAt()) ? theirs : mine));
    return new Consents(next);
  }

  /** True when the person has granted this channel (and topic, when one is named). */
  public boolean allows(ConsentChannel channel, String topic) {
    ConsentDecision topical = topic == null ? null : decisions.get(key(channel, topic));
    ConsentDecision decision = topical != null ? topical : decisions.get(channel.key());
    return decision != null && decision.status() == ConsentDecision.ConsentStatus.granted;
  }
}
