package dev.waymark.aws.template;

import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.aws.dynamo.Queries;
import dev.waymark.core.json.Json;
import dev.waymark.core.message.TemplateDocument;
import dev.waymark.core.message.TemplateDocuments;
import dev.waymark.core.message.TemplateStore;
import dev.waymark.core.store.ConcurrentChangeException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link TemplateStore} on the Waymark table: {@code TPL#<id>} / {@code V#<000001>} per version
 * (the document, its hash, when), {@code TPL#<id>} / {@code TEMPLATE} the latest pointer (a copy of
 * the latest version, so a send reads one item), and {@code TEMPLATES} / {@code <id>} to list them.
 * A new version is one transaction conditional on the pointer still naming the version read, so two
 * concurrent puts never make the same version twice.
 */
public record DynamoTemplateStore(DynamoDbClient dynamo, String table) implements TemplateStore {
  private static final int ATTEMPTS = 10;

  @Override
  public Saved put(String id, TemplateDocument document, Instant at) {
    String hash = document.hash();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Map<String, AttributeValue> latest = get(Keys.template(id), Keys.TEMPLATE_SK);
      if (latest != null && hash.equals(Attr.string(latest, "hash"))) {
        return new Saved(stored(id, latest), false);
      }
      int previous = latest == null ? 0 : (int) Attr.number(latest, "version");
      StoredTemplate next = new StoredTemplate(id, previous + 1, document, at);
      Map<String, AttributeValue> item = item(next, hash);
      Map<String, AttributeValue> pointer = new HashMap<>(item);
      pointer.putAll(Attr.key(Keys.template(id), Keys.TEMPLATE_SK));
      Map<String, AttributeValue> listed = Attr.key(Keys.TEMPLATE_CATALOG_PK, id);
      listed.put("version", Attr.n(next.version()));
      listed.put("updatedAt", Attr.s(at.toString()));
      try {
        dynamo.transactWriteItems(
            r ->
                r.transactItems(
                    TransactWriteItem.builder()
                        .put(
                            p ->
                                p.tableName(table)
                                    .item(item)
                                    .conditionExpression("attribute_not_exists(PK)"))
                        .build(),
                    TransactWriteItem.builder()
                        .put(
                            p ->
                                p.tableName(table)
                                    .item(pointer)
                                    .conditionExpression(
                                        previous == 0
                                            ? "attribute_not_exists(PK)"
                                            : "version = :previous")
                                    .expressionAttributeValues(
                                        previous == 0
                                            ? null
                                            : Map.of(":previous", Attr.n(previous))))
                        .build(),
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(listed)).build()));
        return new Saved(next, true);
      } catch (TransactionCanceledException lostRace) {
        // another put made this version first: read again
      }
    }
    throw new ConcurrentChangeException("put template " + id + ": too many concurrent puts");
  }

  @Override
  public Optional<StoredTemplate> latest(String id) {
    return Optional.ofNullable(get(Keys.template(id), Keys.TEMPLATE_SK)).map(i -> stored(id, i));
  }

  @Override
  public Optional<StoredTemplate> version(String id, int version) {
    return Optional.ofNullable(get(Keys.template(id), Keys.versionNumber(version)))
        .map(i -> stored(id, i));
  }

  @Override
  public List<StoredTemplate> versions(String id) {
    return Queries.withPrefix(dynamo, table, Keys.template(id), Keys.VERSION_PREFIX).stream()
        .map(i -> stored(id, i))
        .toList();
  }

  @Override
  public List<String> ids() {
    return Queries.partition(dynamo, table, Keys.TEMPLATE_CATALOG_PK).stream()
        .map(i -> Attr.string(i, Keys.SK))
        .sorted()
        .toList();
  }

  private Map<String, AttributeValue> get(String pk, String sk) {
    Map<String, AttributeValue> item =
        dynamo.getItem(r -> r.tableName(table).key(Attr.key(pk, sk)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? null : item;
  }

  private static Map<String, AttributeValue> item(StoredTemplate template, String hash) {
    Map<String, AttributeValue> item =
        Attr.key(Keys.template(template.id()), Keys.versionNumber(template.version()));
    item.put("templateId", Attr.s(template.id()));
    item.put("version", Attr.n(template.version()));
    item.put("hash", Attr.s(hash));
    item.put("document", Attr.s(Json.write(template.document().toJson())));
    item.put("createdAt", Attr.s(template.createdAt().toString()));
    return item;
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
