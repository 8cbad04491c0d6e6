package dev.waymark.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Group commit on DynamoDB Local: transactions that overlap one in flight go out as one request,
 * and each caller still gets the outcome of its own transaction.
 */
class GroupedTransactionsIT {
  private final DynamoDbClient dynamo = LocalDynamo.client();
  private final String table = LocalDynamo.newTable();

  /** DynamoDB Local, with the first TransactWriteItems held until the test lets it go. */
  private final class HoldingFirst extends HeldClient {
    volatile boolean breakGroups;

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
      if (breakGroups && request.transactItems().size() > 1) {
        throw new StackOverflowError("a request cut short");
      }
      pass();
      return dynamo.transactWriteItems(request);
    }
  }

  private final HoldingFirst held = new HoldingFirst();
  private final GroupedTransactions grouped = new GroupedTransactions(held);

  @Test
  void transactionsArrivingDuringARequestGoOutTogetherAndAllAreWritten() throws Exception {
    List<CompletableFuture<Void>> calls = new ArrayList<>();
    calls.add(write("first", List.of(put("a", "1"), put("a", "2"))));
    HeldClient.awaitQueued(grouped, 0); // the first is in flight, held
    for (String p : List.of("b", "c", "d")) {
      calls.add(write(p, List.of(put(p, "1"), put(p, "2"))));
    }
    HeldClient.awaitQueued(grouped, 3);
    held.release.countDown();
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();

    assertThat(grouped.requests()).isEqualTo(2); // the first alone, then the three at once
    for (String p : List.of("a", "b", "c", "d")) {
      assertThat(stored(p, "1")).isTrue();
      assertThat(stored(p, "2")).isTrue();
    }
  }

  @Test
  void aFailedConditionCancelsOnlyItsOwnTransactionWithItsOwnReasons() throws Exception {
    dynamo.putItem(r -> r.tableName(table).item(item("taken", "1")));
    CompletableFuture<Void> first = write("first", List.of(put("x", "1")));
    HeldClient.awaitQueued(grouped, 0);
    CompletableFuture<Void> clash =
        write("clash", List.of(put("clash", "1"), putIfAbsent("taken", "1")));
    CompletableFuture<Void> fine = write("fine", List.of(put("fine", "1"), put("fine", "2")));
    HeldClient.awaitQueued(grouped, 2);
    held.release.countDown();

    first.get();
    fine.get();
    assertThatThrownBy(clash::join)
        .hasCauseInstanceOf(TransactionCanceledException.class)
        .cause()
        .satisfies(
            e -> {
              List<CancellationReason> reasons =
                  ((TransactionCanceledException) e).cancellationReasons();
              assertThat(reasons).extracting(CancellationReason::code).hasSize(2);
              assertThat(reasons.get(1).code()).isEqualTo("ConditionalCheckFailed");
              assertThat(Conditions.onlyConditionAt((TransactionCanceledException) e, 1)).isTrue();
            });
    assertThat(stored("fine", "1")).isTrue();
    assertThat(stored("fine", "2")).isTrue();
    assertThat(stored("clash", "1")).isFalse(); // its transaction wrote nothing
    // the first alone, the group cancelled by the clash, then the innocent one again
    assertThat(grouped.requests()).isEqualTo(3);
  }

  @Test
  void twoTransactionsOnOneItemAreNeverInOneRequest() throws Exception {
    CompletableFuture<Void> first = write("first", List.of(put("x", "1")));
    HeldClient.awaitQueued(grouped, 0);
    CompletableFuture<Void> one = write("one", List.of(put("same", "1")));
    CompletableFuture<Void> two = write("two", List.of(put("same", "1"), put("other", "1")));
    CompletableFuture<Void> three = write("three", List.of(put("third", "1")));
    HeldClient.awaitQueued(grouped, 3);
    held.release.countDown();
    CompletableFuture.allOf(first, one, two, three).get();

    assertThat(grouped.requests()).isEqualTo(3); // first; one + three; two
    assertThat(stored("same", "1")).isTrue();
    assertThat(stored("other", "1")).isTrue();
    assertThat(stored("third", "1")).isTrue();
  }

  @Test
  void aGroupRefusedAsAWholeIsWrittenOneCallerAtATime() throws Exception {
    CompletableFuture<Void> first = write("first", List.of(put("x", "1")));
    HeldClient.awaitQueued(grouped, 0);
    // invalid on its own: two actions on one item in one transaction
    CompletableFuture<Void> invalid =
        write("invalid", List.of(put("twice", "1"), put("twice", "1")));
    CompletableFuture<Void> valid = write("valid", List.of(put("valid", "1")));
    HeldClient.awaitQueued(grouped, 2);
    held.release.countDown();

    first.get();
    valid.get();
    assertThatThrownBy(invalid::join).hasMessageContaining("multiple operations on one item");
    assertThat(stored("valid", "1")).isTrue();
  }

  @Test
  void anErrorInAGroupsRequestFailsEveryMemberAndNoneWaitsForever() throws Exception {
    CompletableFuture<Void> first = write("first", List.of(put("x", "1")));
    HeldClient.awaitQueued(grouped, 0);
    CompletableFuture<Void> one = write("one", List.of(put("one", "1")));
    CompletableFuture<Void> two = write("two", List.of(put("two", "1")));
    HeldClient.awaitQueued(grouped, 2);
    held.breakGroups = true;
    held.release.countDown();

    first.get();
    // a guard against hanging, not a timing: both end, failed
    assertThat(one).failsWithin(java.time.Duration.ofSeconds(30));
    assertThat(two).failsWithin(java.time.Duration.ofSeconds(30));
    assertThat(grouped.queued()).isZero();
    assertThat(grouped.inFlight()).isFalse();
  }

  @Test
  void aLoneTransactionIsOneRequestAndThrowsWhatDynamoDbThrows() {
    held.release.countDown();
    grouped.write(List.of(put("p", "1")));
    assertThatThrownBy(() -> grouped.write(List.of(putIfAbsent("p", "1"))))
        .isInstanceOf(TransactionCanceledException.class)
        .satisfies(
            e ->
                assertThat(Conditions.onlyConditionAt((TransactionCanceledException) e, 0))
                    .isTrue());
    assertThat(grouped.requests()).isEqualTo(2);
  }

  private CompletableFuture<Void> write(String name, List<TransactWriteItem> items) {
    return CompletableFuture.runAsync(
        () -> grouped.write(items), r -> Thread.ofPlatform().name("caller-" + name).start(r));
  }

  private boolean stored(String pk, String sk) {
    return dynamo
        .getItem(
            r ->
                r.tableName(table)
                    .consistentRead(true)
                    .key(
                        Map.of(
                            "PK", AttributeValue.fromS("T#" + pk),
                            "SK", AttributeValue.fromS(sk))))
        .hasItem();
  }

  private TransactWriteItem put(String pk, String sk) {
    return TransactWriteItem.builder()
        .put(Put.builder().tableName(table).item(item(pk, sk)).build())
        .build();
  }

  private TransactWriteItem putIfAbsent(String pk, String sk) {
    return TransactWriteItem.builder()
        .put(
            Put.builder()
                .tableName(table)
                .item(item(pk, sk))
                .conditionExpression("attribute_not_exists(PK)")
                .build())
        .build();
  }

  private static Map<String, AttributeValue> item(String pk, String sk) {
    return Map.of("PK", AttributeValue.fromS("T#" + pk), "SK", AttributeValue.fromS(sk));
  }
}
