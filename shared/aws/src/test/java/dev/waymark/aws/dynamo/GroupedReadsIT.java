package dev.waymark.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Grouped reads on DynamoDB Local: reads that overlap one in flight go out as one BatchGetItem, and
 * each caller gets the item under its own key (or none).
 */
class GroupedReadsIT {
  private final DynamoDbClient dynamo = LocalDynamo.client();
  private final String table = LocalDynamo.newTable();

  /** DynamoDB Local, with the first GetItem held until the test lets it go. */
  private final class HoldingFirst extends HeldClient {
    final AtomicInteger batches = new AtomicInteger();
    volatile boolean failBatches;

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
      pass();
      return dynamo.getItem(request);
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
      batches.incrementAndGet();
      if (failBatches) {
        throw new IllegalStateException("the table refused the request");
      }
      return dynamo.batchGetItem(request);
    }
  }

  private final HoldingFirst held = new HoldingFirst();
  private final GroupedReads reads = new GroupedReads(held, table);

  @Test
  void readsArrivingDuringARequestGoOutTogetherAndEachGetsItsOwnItem() throws Exception {
    put("a", "1");
    put("b", "2");
    put("c", "3");
    CompletableFuture<Optional<Map<String, AttributeValue>>> first = read("a");
    HeldClient.awaitQueued(reads, 0); // the first is in flight, held
    List<CompletableFuture<Optional<Map<String, AttributeValue>>>> others = new ArrayList<>();
    for (String pk : List.of("b", "c", "missing", "b")) {
      others.add(read(pk));
    }
    HeldClient.awaitQueued(reads, 4);
    held.release.countDown();

    assertThat(value(first.get())).isEqualTo("1");
    assertThat(others.stream().map(f -> value(f.join())).toList())
        .containsExactly("2", "3", null, "2");
    assertThat(reads.requests()).isEqualTo(2); // the first alone, then the four at once
    assertThat(held.batches).hasValue(1);
  }

  @Test
  void aFailedRequestFailsEachOfItsReadersAndNoneWaitsForever() throws Exception {
    CompletableFuture<Optional<Map<String, AttributeValue>>> first = read("a");
    HeldClient.awaitQueued(reads, 0);
    CompletableFuture<Optional<Map<String, AttributeValue>>> one = read("b");
    CompletableFuture<Optional<Map<String, AttributeValue>>> two = read("c");
    HeldClient.awaitQueued(reads, 2);
    held.failBatches = true;
    held.release.countDown();

    assertThat(first.get()).isEmpty();
    // a guard against hanging, not a timing: both end, failed
    assertThat(one).failsWithin(java.time.Duration.ofSeconds(30));
    assertThat(two).failsWithin(java.time.Duration.ofSeconds(30));
    assertThat(reads.queued()).isZero();
    assertThat(reads.inFlight()).isFalse();
  }

  private CompletableFuture<Optional<Map<String, AttributeValue>>> read(String pk) {
    return CompletableFuture.supplyAsync(
        () -> reads.get(key(pk)), r -> Thread.ofPlatform().name("reader-" + pk).start(r));
  }

  private static Map<String, AttributeValue> key(String pk) {
    return Map.of("PK", AttributeValue.fromS("R#" + pk), "SK", AttributeValue.fromS("ITEM"));
  }

  private void put(String pk, String value) {
    Map<String, AttributeValue> item = new java.util.HashMap<>(key(pk));
    item.put("value", AttributeValue.fromS(value));
    dynamo.putItem(r -> r.tableName(table).item(item));
  }

  private static String value(Optional<Map<String, AttributeValue>> item) {
    return item.map(i -> i.get("value").s()).orElse(null);
  }
}
