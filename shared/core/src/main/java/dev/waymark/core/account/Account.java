package dev.waymark.core.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.json.Json;
import dev.waymark.core.profile.Traits;

/**
 * An account (company) that group calls describe, shared by every person linked to it: its id (the
 * group call's {@code groupId}) and its traits, each with the event time it was last set at.
 */
public record Account(String id, Traits traits) {
  /** Segment rules read a linked account's trait as {@code account.<trait>}. */
  public static final String RULE_PREFIX = "account.";

  /** The account as rules and the profile API see it: {@code {"id": ..., ...traits}}. */
  public ObjectNode view() {
    ObjectNode view = Json.object();
    view.put("id", id);
    view.setAll(traits.values());
    return view;
  }

  /** The account in the profile API: {@code {"id": ..., "traits": {...}}}. */
  public ObjectNode apiView() {
    ObjectNode view = Json.object();
    view.put("id", id);
    view.set("traits", traits.values());
    return view;
  }
}
