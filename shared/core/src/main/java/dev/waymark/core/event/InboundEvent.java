package dev.waymark.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.identity.IdentityNamespace;
import dev.waymark.core.json.Json;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One accepted event, as stored in the inbox and processed: the validated wire object plus the time
 * it was received. {@link #timestamp()} is when it happened (the sender's timestamp, or the receive
 * time when the sender gave none).
 */
public record InboundEvent(ObjectNode body, Instant receivedAt) {
  public String messageId() {
    return body.path("messageId").asText();
  }

  public EventType type() {
    return EventType.fromWire(body.path("type").asText());
  }

  /** The event name: {@code event} for track, {@code name} for page and screen. */
  public String name() {
    return switch (type()) {
      case TRACK -> body.path("event").asText();
      case PAGE -> body.path("name").asText("Page View");
      case SCREEN -> body.path("name").asText("Screen View");
      case IDENTIFY -> "Identify";
      case GROUP -> "Group";
      case ALIAS -> "Alias";
    };
  }

  /**
   * The name journeys and segments match on: a track call's {@code event}; {@code Page View},
   * {@code Screen View}, {@code Identify} or {@code Alias} for the other calls (their {@code name}
   * is a field filters can test).
   */
  public String eventName() {
    return switch (type()) {
      case TRACK -> body.path("event").asText();
      case PAGE -> "Page View";
      case SCREEN -> "Screen View";
      case IDENTIFY -> "Identify";
      case GROUP -> "Group";
      case ALIAS -> "Alias";
    };
  }

  public Instant timestamp() {
    JsonNode ts = body.get("timestamp");
    return ts == null ? receivedAt : EventTimestamps.parse(ts.asText());
  }

  /**
   * The person traits this event sets. A group call sets none: its traits describe the account
   * (company) the person belongs to, see {@link #accountTraits()}.
   */
  public ObjectNode traits() {
    if (type() == EventType.GROUP) {
      return Json.object();
    }
    JsonNode traits = body.get("traits");
    if (traits == null) {
      traits = body.path("context").get("traits");
    }
    return traits instanceof ObjectNode object ? object : Json.object();
  }

  /** A group call's account id ({@code groupId}); empty text for other calls. */
  public String groupId() {
    return body.path("groupId").asText();
  }

  /** A group call's traits: the account's, applied to the shared account item. */
  public ObjectNode accountTraits() {
    return type() == EventType.GROUP && body.get("traits") instanceof ObjectNode traits
        ? traits
        : Json.object();
  }

  public ObjectNode properties() {
    return body.get("properties") instanceof ObjectNode object ? object : Json.object();
  }

  public Optional<String> previousId() {
    return Optional.ofNullable(body.get("previousId")).map(JsonNode::asText);
  }

  /**
   * Every identity this event names: userId, anonymousId, the identities map, and on identify calls
   * the email and phone traits. alias's previousId is resolved by the caller.
   */
  public TreeSet<Identity> identities() {
    TreeSet<Identity> ids = new TreeSet<>();
    addText(ids, IdentityNamespace.USER_ID, body.get("userId"));
    addText(ids, IdentityNamespace.ANONYMOUS_ID, body.get("anonymousId"));
    Iterator<Map.Entry<String, JsonNode>> named = body.path("identities").fields();
    while (named.hasNext()) {
      Map.Entry<String, JsonNode> entry = named.next();
      IdentityNamespace.fromKey(entry.getKey()).ifPresent(ns -> addText(ids, ns, entry.getValue()));
    }
    if (type() == EventType.IDENTIFY) {
      addText(ids, IdentityNamespace.EMAIL, traits().get("email"));
      addText(ids, IdentityNamespace.PHONE, traits().get("phone"));
    }
    return ids;
  }

  private static void addText(TreeSet<Identity> ids, IdentityNamespace ns, JsonNode value) {
    if (value != null && value.isTextual() && !ns.normalise(value.asText()).isEmpty()) {
      ids.add(Identity.of(ns, value.asText()));
    }
  }

  /** The stored form: the wire object with {@code receivedAt} added. */
  public String toStoredJson() {
    ObjectNode stored = body.deepCopy();
    stored.put("receivedAt", receivedAt.toString());
    stored.put("timestamp", timestamp().toString());
    return Json.write(stored);
  }

  public static InboundEvent fromStoredJson(String json) {
    ObjectNode body = Json.parseObject(json);
    Instant receivedAt = Instant.parse(body.path("receivedAt").asText());
    return new InboundEvent(body, receivedAt);
  }
}
