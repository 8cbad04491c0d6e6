package dev.waymark.aws.dynamo;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** The queries the adapters share: every item of a query, following its pages. */
public final class Queries {
  private Queries() {}

  /** Every item the query finds, all pages read. */
  public static List<Map<String, AttributeValue>> all(
      DynamoDbClient dynamo, Consumer<QueryRequest.Builder> query) {
    return dynamo.queryPaginator(query).items().stream().toList();
  }

  /** Every item of a partition (strongly consistent). */
  public static List<Map<String, AttributeValue>> partition(
      DynamoDbClient dynamo, String table, String pk) {
    return all(
        dynamo,
        r ->
            r.tableName(table)
                .consistentRead(true)
                .keyConditionExpression(Keys.PK + " = :pk")
                .expressionAttributeValues(Map.of(":pk", Attr.s(pk))));
  }

  /** Every item of a partition whose sort key starts with {@code prefix} (strongly consistent). */
  public static List<Map<String, AttributeValue>> withPrefix(
      DynamoDbClient dynamo, String table, String pk, String prefix) {
    return all(
        dynamo,
        r ->
            r.tableName(table)
                .consistentRead(true)
                .keyConditionExpression(Keys.PK + " = :pk AND begins_with(" + Keys.SK + ", :p)")
                .expressionAttributeValues(Map.of(":pk", Attr.s(pk), ":p", Attr.s(prefix))));
  }

  /** The item at a key (strongly consistent), if there is one. */
  public static java.util.Optional<Map<String, AttributeValue>> item(
      DynamoDbClient dynamo, String table, String pk, String sk) {
    Map<String, AttributeValue> item =
        dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(Attr.key(pk, sk))).item();
    return item == null || item.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(item);
  }
}
