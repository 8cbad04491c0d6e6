package dev.waymark.aws.dynamo;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** BatchWriteItem puts of any number of items into one table, unprocessed items retried. */
public final class BatchWrites {
  /** DynamoDB's limit on requests in one BatchWriteItem. */
  public static final int MAX_BATCH_WRITE = 25;

  private static final int MAX_ATTEMPTS = 10;

  private BatchWrites() {}

  /**
   * Puts every item (unconditionally); returns once all are written. Throws if DynamoDB still
   * leaves some unprocessed after {@value #MAX_ATTEMPTS} attempts with back-off (the caller fails
   * the request, and its retry finds what was written).
   */
  public static void put(
      DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> items) {
    write(
        dynamo,
        table,
        items.stream()
            .map(
                item ->
                    WriteRequest.builder()
                        .putRequest(PutRequest.builder().item(item).build())
                        .build())
            .toList());
  }

  /** Any puts and deletes, {@value #MAX_BATCH_WRITE} a request, retried as {@link #put} is. */
  public static void write(DynamoDbClient dynamo, String table, List<WriteRequest> writes) {
    for (int from = 0; from < writes.size(); from += MAX_BATCH_WRITE) {
      List<WriteRequest> chunk =
          writes.subList(from, Math.min(writes.size(), from + MAX_BATCH_WRITE));
      Map<String, List<WriteRequest>> left = Map.of(table, chunk);
      for (int attempt = 0; !left.isEmpty(); attempt++) {
        if (attempt == MAX_ATTEMPTS) {
          throw new IllegalStateException("DynamoDB left items of a batch write unprocessed");
        }
        if (attempt > 0) {
          BackOff.pause(Math.min(200, 10L << attempt)); // DynamoDB asks for a back-off
        }
        Map<String, List<WriteRequest>> batch = left;
        left = dynamo.batchWriteItem(r -> r.requestItems(batch)).unprocessedItems();
      }
    }
  }
}
