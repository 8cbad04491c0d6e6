package dev.waymark.aws.dynamo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Group commit for strongly consistent reads of single items of one table, made concurrently (the
 * process function's workers checking a profile after recording an event on it): a read that finds
 * none in flight is one {@code GetItem}; the reads that arrive while a request is in flight go out
 * together as one {@code BatchGetItem} (up to {@link BatchReads#MAX_BATCH_GET} keys). Each caller
 * gets the item under its own key, as read after it asked; a failed request fails each of its
 * callers.
 */
public final class GroupedReads extends GroupCommit<GroupedReads.Read> {
  private final DynamoDbClient dynamo;
  private final String table;

  public GroupedReads(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /** One caller's read and, once served, the item found (null: none). */
  static final class Read extends GroupCommit.Member {
    final Map<String, AttributeValue> key;
    Map<String, AttributeValue> item;

    Read(Map<String, AttributeValue> key) {
      this.key = key;
    }
  }

  /** The item under {@code key}, read strongly consistently after this call began. */
  public Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
    Read mine = new Read(Map.copyOf(key));
    submit(mine);
    return Optional.ofNullable(mine.item);
  }

  @Override
  protected List<Read> take(ArrayDeque<Read> queue) {
    List<Read> group = new ArrayList<>();
    Set<Map<String, AttributeValue>> keys = new HashSet<>();
    for (Iterator<Read> it = queue.iterator(); it.hasNext(); ) {
      Read next = it.next();
      if (!keys.contains(next.key) && keys.size() == BatchReads.MAX_BATCH_GET) {
        break;
      }
      keys.add(next.key); // the same key twice is read once, for both
      group.add(next);
      it.remove();
    }
    return group;
  }

  @Override
  protected void serve(List<Read> group) {
    try {
      counted();
      if (group.size() == 1) {
        Read lone = group.getFirst();
        Map<String, AttributeValue> item =
            dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(lone.key)).item();
        lone.item = item == null || item.isEmpty() ? null : item;
      } else {
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found = new HashMap<>();
        List<Map<String, AttributeValue>> keys = group.stream().map(r -> r.key).distinct().toList();
        for (Map<String, AttributeValue> item : BatchReads.get(dynamo, table, keys)) {
          found.put(Map.of(Keys.PK, item.get(Keys.PK), Keys.SK, item.get(Keys.SK)), item);
        }
        group.forEach(r -> r.item = found.get(r.key));
      }
      group.forEach(r -> settle(r, null));
    } catch (RuntimeException failed) {
      group.forEach(r -> settle(r, failed));
    }
  }
}
