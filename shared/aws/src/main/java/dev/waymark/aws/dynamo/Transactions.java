package dev.waymark.aws.dynamo;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Transactions that may meet another transaction on a shared item (a journey's counter shard): a
 * transaction cancelled only by {@code TransactionConflict} wrote nothing, so it is made again,
 * after a short back-off, up to {@link #ATTEMPTS} times. Any other cancellation (a condition) is
 * thrown at once.
 */
public final class Transactions {
  static final int ATTEMPTS = 6;

  private Transactions() {}

  public static void write(DynamoDbClient dynamo, List<TransactWriteItem> items) {
    for (int attempt = 1; ; attempt++) {
      try {
        dynamo.transactWriteItems(r -> r.transactItems(items));
        return;
      } catch (TransactionCanceledException e) {
        if (attempt >= ATTEMPTS || !onlyConflicts(e)) {
          throw e;
        }
        BackOff.pause(5L << attempt);
      }
    }
  }

  /** True when every reason given is either none or a conflict with another transaction. */
  static boolean onlyConflicts(TransactionCanceledException e) {
    return e.hasCancellationReasons()
        && e.cancellationReasons().stream()
            .map(r -> String.valueOf(r.code()))
            .allMatch(code -> code.equals("None") || code.equals("TransactionConflict"))
        && e.cancellationReasons().stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
  }
}
