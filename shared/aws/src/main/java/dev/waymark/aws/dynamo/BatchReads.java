package dev.waymark.aws.dynamo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Strongly consistent BatchGetItem of any number of keys of one table, unprocessed keys retried.
 */
public final class BatchReads {
  /** DynamoDB's limit on keys in one BatchGetItem. */
  public static final int MAX_BATCH_GET = 100;

  private BatchReads() {}

  /**
   * The items found under these keys (in no particular order; keys without an item are left out).
   */
  public static List<Map<String, AttributeValue>> get(
      DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> keys) {
    return get(dynamo, table, keys, null);
  }

  /**
   * As {@link #get(DynamoDbClient, String, List)}, reading only the attributes {@code projection}
   * names (null: all of them).
   */
  public static List<Map<String, AttributeValue>> get(
      DynamoDbClient dynamo,
      String table,
      List<Map<String, AttributeValue>> keys,
      String projection) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int i = 0; i < keys.size(); i += MAX_BATCH_GET) {
      List<Map<String, AttributeValue>> chunk =
          keys.subList(i, Math.min(keys.size(), i + MAX_BATCH_GET));
      Map<String, KeysAndAttributes> request =
          Map.of(
              table,
              KeysAndAttributes.builder()
                  .keys(chunk)
                  .consistentRead(true)
                  .projectionExpression(projection)
                  .build());
      for (int attempt = 0; !request.isEmpty(); attempt++) {
        if (attempt > 0) {
          BackOff.pause(Math.min(200, 10L << attempt)); // DynamoDB asks for a back-off
        }
        Map<String, KeysAndAttributes> asked = request;
        BatchGetItemResponse response = dynamo.batchGetItem(r -> r.requestItems(asked));
        items.addAll(response.responses().getOrDefault(table, List.of()));
        request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
      }
    }
    return items;
  }
}
