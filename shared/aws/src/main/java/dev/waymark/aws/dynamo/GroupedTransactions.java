package dev.waymark.aws.dynamo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Group commit for transactions made concurrently (the process function's workers recording
 * events): while one {@code TransactWriteItems} is in flight, the transactions that arrive wait,
 * and the next one writes all of them as one request (up to {@link #MAX_ITEMS} items, never two
 * writes to one item). Each caller still sees its own transaction: written whole, or cancelled with
 * its own cancellation reasons, as if it had been written alone.
 *
 * <p>A group that is cancelled says why item by item: a caller whose items all answer {@code None}
 * was cancelled by someone else's condition and is written again with the next group; a caller with
 * a failed condition or a conflict gets a {@link TransactionCanceledException} with its own reasons
 * only. A group that fails any other way (no reasons, a validation error such as the 4 MB request
 * limit) is written again one caller at a time, each getting the outcome of its own request.
 *
 * <p>Nothing waits for a group to fill ({@link GroupCommit}): a lone transaction costs what it did.
 */
public final class GroupedTransactions extends GroupCommit<GroupedTransactions.Pending> {
  /** DynamoDB's limit of actions per {@code TransactWriteItems}. */
  static final int MAX_ITEMS = 100;

  private final DynamoDbClient dynamo;

  public GroupedTransactions(DynamoDbClient dynamo) {
    this.dynamo = dynamo;
  }

  /** One caller's transaction. */
  static final class Pending extends GroupCommit.Member {
    final List<TransactWriteItem> items;

    Pending(List<TransactWriteItem> items) {
      this.items = items;
    }
  }

  /**
   * Writes {@code items} as one transaction, possibly in one request with other callers'; throws
   * what a lone {@code TransactWriteItems} of these items would have thrown.
   */
  public void write(List<TransactWriteItem> items) {
    if (items.size() > MAX_ITEMS) {
      dynamo.transactWriteItems(r -> r.transactItems(items)); // DynamoDB refuses it, as alone
      return;
    }
    submit(new Pending(List.copyOf(items)));
  }

  /** The queued callers that fit one request, oldest first, none touching an item twice. */
  @Override
  protected List<Pending> take(ArrayDeque<Pending> queue) {
    List<Pending> group = new ArrayList<>();
    Set<ItemKey> touched = new HashSet<>();
    int size = 0;
    for (Iterator<Pending> it = queue.iterator(); it.hasNext(); ) {
      Pending next = it.next();
      List<ItemKey> keys = next.items.stream().map(ItemKey::of).toList();
      if (size + next.items.size() > MAX_ITEMS) {
        break;
      }
      if (keys.stream().anyMatch(touched::contains)) {
        continue; // waits for a later group
      }
      touched.addAll(keys);
      size += next.items.size();
      group.add(next);
      it.remove();
    }
    return group;
  }

  @Override
  protected void serve(List<Pending> group) {
    if (group.size() == 1) {
      settle(group.getFirst(), lone(group.getFirst()));
      return;
    }
    List<TransactWriteItem> all = new ArrayList<>();
    group.forEach(p -> all.addAll(p.items));
    try {
      request(all);
      group.forEach(p -> settle(p, null));
    } catch (TransactionCanceledException e) {
      if (!e.hasCancellationReasons() || e.cancellationReasons().size() != all.size()) {
        group.forEach(p -> settle(p, lone(p)));
        return;
      }
      int at = 0;
      List<Pending> again = new ArrayList<>();
      for (Pending p : group) {
        List<CancellationReason> own = e.cancellationReasons().subList(at, at + p.items.size());
        at += p.items.size();
        if (own.stream().allMatch(r -> r.code() == null || "None".equals(r.code()))) {
          again.add(p);
        } else {
          settle(p, cancelled(e, own));
        }
      }
      if (again.size() == group.size()) { // cancelled with no reason given: each alone
        again.forEach(p -> settle(p, lone(p)));
        return;
      }
      again(again);
    } catch (RuntimeException other) {
      group.forEach(p -> settle(p, lone(p)));
    }
  }

  /** The outcome of writing one caller's items in a request of their own. */
  private RuntimeException lone(Pending p) {
    try {
      request(p.items);
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  private void request(List<TransactWriteItem> items) {
    counted();
    dynamo.transactWriteItems(r -> r.transactItems(items));
  }

  private static TransactionCanceledException cancelled(
      TransactionCanceledException group, List<CancellationReason> own) {
    return TransactionCanceledException.builder()
        .message(
            "Transaction cancelled, please refer cancellation reasons for specific reasons "
                + own.stream().map(r -> String.valueOf(r.code())).toList())
        .cancellationReasons(own)
        .statusCode(group.statusCode())
        .awsErrorDetails(group.awsErrorDetails())
        .requestId(group.requestId())
        .build();
  }

  /** The table and key an action writes or checks. */
  private record ItemKey(String table, Map<String, AttributeValue> key) {
    static ItemKey of(TransactWriteItem item) {
      if (item.put() != null) {
        Map<String, AttributeValue> key = new HashMap<>(item.put().item());
        key.keySet().retainAll(Set.of("PK", "SK"));
        return new ItemKey(item.put().tableName(), key.isEmpty() ? item.put().item() : key);
      }
      if (item.update() != null) {
        return new ItemKey(item.update().tableName(), item.update().key());
      }
      if (item.delete() != null) {
        return new ItemKey(item.delete().tableName(), item.delete().key());
      }
      return new ItemKey(item.conditionCheck().tableName(), item.conditionCheck().key());
    }
  }
}
