package dev.waymark.aws.template;

import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.core.message.LayoutStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link LayoutStore} on the Waymark table ({@link DynamoVersions}): {@code LAY#<id>} / {@code
 * V#<000001>} per version (the HTML, its SHA-256, when), {@code LAY#<id>} / {@code LAYOUT} the
 * latest pointer (what every email render of a template with that layout reads), and {@code
 * LAYOUTS} / {@code <id>} to list them.
 */
public record DynamoLayoutStore(DynamoVersions versions) implements LayoutStore {
  public DynamoLayoutStore(DynamoDbClient dynamo, String table) {
    this(new DynamoVersions(dynamo, table, Keys::layout, Keys.LAYOUT_SK, Keys.LAYOUT_CATALOG_PK));
  }

  @Override
  public Saved put(String id, String html, Instant at) {
    DynamoVersions.Put put =
        versions.put(id, sha256(html), at, Map.of("layoutId", Attr.s(id), "html", Attr.s(html)));
    return new Saved(stored(id, put.item()), put.created());
  }

  @Override
  public Optional<StoredLayout> latest(String id) {
    return versions.latest(id).map(i -> stored(id, i));
  }

  @Override
  public List<StoredLayout> versions(String id) {
    return versions.versions(id).stream().map(i -> stored(id, i)).toList();
  }

  @Override
  public List<String> ids() {
    return versions.ids();
  }

  private static StoredLayout stored(String id, Map<String, AttributeValue> item) {
    return new StoredLayout(
        id,
        (int) Attr.number(item, "version"),
        Attr.string(item, "html"),
        Instant.parse(Attr.string(item, "createdAt")));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
