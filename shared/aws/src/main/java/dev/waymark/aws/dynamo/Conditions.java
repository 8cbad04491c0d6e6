package dev.waymark.aws.dynamo;

import dev.waymark.core.store.ConcurrentChangeException;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Turns DynamoDB's lost-condition answers into the core's {@link ConcurrentChangeException}. */
public final class Conditions {
  private Conditions() {}

  public static <T> T guard(String what, Supplier<T> write) {
    try {
      return write.get();
    } catch (ConditionalCheckFailedException e) {
      throw new ConcurrentChangeException(what + ": condition failed");
    } catch (TransactionCanceledException e) {
      throw new ConcurrentChangeException(what + ": transaction cancelled " + reasons(e));
    }
  }

  public static void guard(String what, Runnable write) {
    guard(
        what,
        () -> {
          write.run();
          return null;
        });
  }

  /** A transaction's put of an item that must not exist yet ({@code attribute_not_exists(PK)}). */
  public static TransactWriteItem putIfAbsent(String table, Map<String, AttributeValue> item) {
    return TransactWriteItem.builder()
        .put(
            Put.builder()
                .tableName(table)
                .item(item)
                .conditionExpression("attribute_not_exists(PK)")
                .build())
        .build();
  }

  /** A conditional delete: true when it deleted, false when its condition did not hold. */
  public static boolean deleteIf(
      DynamoDbClient dynamo, Consumer<DeleteItemRequest.Builder> delete) {
    try {
      dynamo.deleteItem(delete);
      return true;
    } catch (ConditionalCheckFailedException conditionFailed) {
      return false;
    }
  }

  public static String reasons(TransactionCanceledException e) {
    return e.hasCancellationReasons()
        ? e.cancellationReasons().stream().map(r -> String.valueOf(r.code())).toList().toString()
        : "[]";
  }

  /** True when the cancellation was only because the item at {@code index} failed its condition. */
  public static boolean onlyConditionAt(TransactionCanceledException e, int index) {
    if (!e.hasCancellationReasons()) {
      return false;
    }
    for (int i = 0; i < e.cancellationReasons().size(); i++) {
      String code = e.cancellationReasons().get(i).code();
      boolean failed = code != null && !"None".equals(code);
      if (failed != (i == index) || (i == index && !"ConditionalCheckFailed".equals(code))) {
        return false;
      }
    }
    return true;
  }
}
