package dev.waymark.aws.template;

import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.Conditions;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.aws.dynamo.Queries;
import dev.waymark.core.store.ConcurrentChangeException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Versioned documents on the Waymark table, the pattern of templates and layouts: {@code
 * <partition(id)>} / {@code V#<000001>} per version (the attributes, a hash of the content, {@code
 * version}, {@code createdAt}), {@code <partition(id)>} / {@code <pointer>} the latest pointer (a
 * copy of the latest version, so a render reads one item), and {@code <catalog>} / {@code <id>} to
 * list them. A new version is one transaction conditional on the pointer still naming the version
 * read, so two concurrent puts never make the same version twice; a put whose hash is the latest's
 * changes nothing.
 */
public record DynamoVersions(
    DynamoDbClient dynamo,
    String table,
    Function<String, String> partition,
    String pointer,
    String catalog) {
  private static final int ATTEMPTS = 10;

  /** The item now latest and whether the put made it. */
  public record Put(Map<String, AttributeValue> item, boolean created) {}

  /**
   * Puts the next version with {@code attributes} (besides the key, {@code version}, {@code hash}
   * and {@code createdAt}), unless the latest has the same hash.
   */
  Put put(String id, String hash, Instant at, Map<String, AttributeValue> attributes) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Map<String, AttributeValue> latest = get(partition.apply(id), pointer);
      if (latest != null && hash.equals(Attr.string(latest, "hash"))) {
        return new Put(latest, false);
      }
      int previous = latest == null ? 0 : (int) Attr.number(latest, "version");
      int version = previous + 1;
      Map<String, AttributeValue> item = Attr.key(partition.apply(id), Keys.versionNumber(version));
      item.putAll(attributes);
      item.put("version", Attr.n(version));
      item.put("hash", Attr.s(hash));
      item.put("createdAt", Attr.s(at.toString()));
      Map<String, AttributeValue> latestCopy = new HashMap<>(item);
      latestCopy.putAll(Attr.key(partition.apply(id), pointer));
      Map<String, AttributeValue> listed = Attr.key(catalog, id);
      listed.put("version", Attr.n(version));
      listed.put("updatedAt", Attr.s(at.toString()));
      try {
        dynamo.transactWriteItems(
            r ->
                r.transactItems(
                    Conditions.putIfAbsent(table, item),
                    TransactWriteItem.builder()
                        .put(
                            p ->
                                p.tableName(table)
                                    .item(latestCopy)
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
        return new Put(item, true);
      } catch (TransactionCanceledException lostRace) {
        // another put made this version first: read again
      }
    }
    throw new ConcurrentChangeException(
        "put " + partition.apply(id) + ": too many concurrent puts");
  }

  Optional<Map<String, AttributeValue>> latest(String id) {
    return Optional.ofNullable(get(partition.apply(id), pointer));
  }

  Optional<Map<String, AttributeValue>> version(String id, int version) {
    return Optional.ofNullable(get(partition.apply(id), Keys.versionNumber(version)));
  }

  /** Every version, oldest first. */
  List<Map<String, AttributeValue>> versions(String id) {
    return Queries.withPrefix(dynamo, table, partition.apply(id), Keys.VERSION_PREFIX);
  }

  /** Every id in the catalog, sorted. */
  List<String> ids() {
    return Queries.partition(dynamo, table, catalog).stream()
        .map(i -> Attr.string(i, Keys.SK))
        .sorted()
        .toList();
  }

  private Map<String, AttributeValue> get(String pk, String sk) {
    Map<String, AttributeValue> item =
        dynamo.getItem(r -> r.tableName(table).key(Attr.key(pk, sk)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? null : item;
  }
}
