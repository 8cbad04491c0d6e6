package dev.waymark.aws.template;

import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.core.json.Json;
import dev.waymark.core.message.TemplateDocument;
import dev.waymark.core.message.TemplateDocuments;
import dev.waymark.core.message.TemplateStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link TemplateStore} on the Waymark table ({@link DynamoVersions}): {@code TPL#<id>} / {@code
 * V#<000001>} per version (the document, its hash, when), {@code TPL#<id>} / {@code TEMPLATE} the
 * latest pointer, and {@code TEMPLATES} / {@code <id>} to list them.
 */
public record DynamoTemplateStore(DynamoVersions versions) implements TemplateStore {
  public DynamoTemplateStore(DynamoDbClient dynamo, String table) {
    this(
        new DynamoVersions(
            dynamo, table, Keys::template, Keys.TEMPLATE_SK, Keys.TEMPLATE_CATALOG_PK));
  }

  @Override
  public Saved put(String id, TemplateDocument document, Instant at) {
    DynamoVersions.Put put =
        versions.put(
            id,
            document.hash(),
            at,
            Map.of("templateId", Attr.s(id), "document", Attr.s(Json.write(document.toJson()))));
    return new Saved(stored(id, put.item()), put.created());
  }

  @Override
  public Optional<StoredTemplate> latest(String id) {
    return versions.latest(id).map(i -> stored(id, i));
  }

  @Override
  public Optional<StoredTemplate> version(String id, int version) {
    return versions.version(id, version).map(i -> stored(id, i));
  }

  @Override
  public List<StoredTemplate> versions(String id) {
    return versions.versions(id).stream().map(i -> stored(id, i)).toList();
  }

  @Override
  public List<String> ids() {
    return versions.ids();
  }

  /**
   * A stored version: its document was validated when put, so it is read back by shape only (a
   * layout removed since then shows when the template renders).
   */
  private static StoredTemplate stored(String id, Map<String, AttributeValue> item) {
    return new StoredTemplate(
        id,
        (int) Attr.number(item, "version"),
        TemplateDocuments.read(Json.parse(Attr.string(item, "document"))),
        Instant.parse(Attr.string(item, "createdAt")));
  }
}
