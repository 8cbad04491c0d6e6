package dev.waymark.core.message;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.json.Json;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A template document, as {@code PUT /v1/templates/{id}} takes it and the shipped files hold it
 * (see docs/templates.md): {@code {layout?, email:{subject, html?, text?}, sms:{body},
 * push:{title?, body}, sample:{profile, event, data}}}. {@code parts} is keyed by {@link
 * MessageTemplate#PARTS}; {@link #POINTERS} names each part's place in the document.
 */
public record TemplateDocument(
    Optional<String> layout, Map<String, String> parts, ObjectNode sample) {
  /** Each part of {@link MessageTemplate#PARTS} and its JSON Pointer in the document. */
  public static final Map<String, String> POINTERS = pointers();

  public TemplateDocument {
    parts = Map.copyOf(parts);
    sample = sample == null ? Json.object() : sample.deepCopy();
  }

  private static Map<String, String> pointers() {
    Map<String, String> pointers = new LinkedHashMap<>();
    pointers.put("subject", "/email/subject");
    pointers.put("html", "/email/html");
    pointers.put("text", "/email/text");
    pointers.put("sms", "/sms/body");
    pointers.put("pushTitle", "/push/title");
    pointers.put("pushBody", "/push/body");
    return java.util.Collections.unmodifiableMap(pointers);
  }

  /** The template sends render, under its global id. */
  public MessageTemplate template(String id) {
    return new MessageTemplate(null, id, parts, layout);
  }

  /** The document in its JSON shape, parts in a fixed order. */
  public ObjectNode toJson() {
    ObjectNode doc = Json.object();
    layout.ifPresent(l -> doc.put("layout", l));
    POINTERS.forEach(
        (part, pointer) -> {
          if (parts.containsKey(part)) {
            String[] path = pointer.substring(1).split("/");
            ObjectNode channel =
                doc.has(path[0]) ? (ObjectNode) doc.get(path[0]) : doc.putObject(path[0]);
            channel.put(path[1], parts.get(part));
          }
        });
    doc.set("sample", sample.deepCopy());
    return doc;
  }

  /**
   * A digest of the content (keys sorted, so the order a client wrote them in does not count): the
   * same document always gives the same hash, which is how putting it again is recognised.
   */
  public String hash() {
    try {
      byte[] bytes =
          Json.MAPPER
              .writer()
              .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
              .writeValueAsBytes(Json.MAPPER.treeToValue(toJson(), Object.class));
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
          .substring(0, 32);
    } catch (java.io.IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
