package dev.waymark.core.profile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.json.Json;
import java.util.List;
import java.util.Map;

/** The JSON shape of a profile in the API (see docs/api.md). */
public final class ProfileView {
  private ProfileView() {}

  /** A profile linked to no account. */
  public static ObjectNode of(Profile p, String redirectedFrom) {
    return of(p, redirectedFrom, List.of());
  }

  /** A profile with the accounts it is linked to (each {@code {"id", "traits"}}). */
  public static ObjectNode of(Profile p, String redirectedFrom, List<ObjectNode> accounts) {
    ObjectNode view = Json.object();
    view.put("profileId", p.id());
    ArrayNode identities = view.putArray("identities");
    p.identities()
        .forEach(
            id ->
                identities
                    .addObject()
                    .put("namespace", id.namespace().key())
                    .put("value", id.value()));
    view.set("traits", p.traits().values());
    view.set("consents", consents(p.consents()));
    view.putArray("accounts").addAll(accounts);
    view.put("createdAt", p.createdAt().toString());
    view.put("updatedAt", p.updatedAt().toString());
    ArrayNode mergedFrom = view.putArray("mergedFrom");
    p.mergedFrom().forEach(mergedFrom::add);
    if (redirectedFrom != null) {
      view.put("redirectedFrom", redirectedFrom);
    }
    return view;
  }

  static ObjectNode consents(Consents consents) {
    ObjectNode out = Json.object();
    for (Map.Entry<String, ConsentDecision> entry : consents.decisions().entrySet()) {
      String[] parts = entry.getKey().split("/", 2);
      ObjectNode channel =
          out.has(parts[0]) ? (ObjectNode) out.get(parts[0]) : out.putObject(parts[0]);
      ObjectNode target =
          parts.length == 1
              ? channel
              : (channel.has("topics")
                      ? (ObjectNode) channel.get("topics")
                      : channel.putObject("topics"))
                  .putObject(parts[1]);
      target.put("status", entry.getValue().status().name());
      target.put("source", entry.getValue().source());
      target.put("updatedAt", entry.getValue().updatedAt().toString());
    }
    return out;
  }
}
