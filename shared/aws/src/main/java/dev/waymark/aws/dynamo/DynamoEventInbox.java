package dev.waymark.aws.dynamo;

import dev.waymark.core.event.EventInbox;
import dev.waymark.core.event.InboundEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The inbox: one item per messageId ({@code EV#<messageId>}/{@code EVENT}), written with a
 * condition so a repeated messageId is stored once. Its insert on the table's stream is what drives
 * processing. The item expires after the de-duplication window.
 */
public record DynamoEventInbox(DynamoDbClient dynamo, String table, Duration dedupWindow)
    implements EventInbox {
  /** The attribute holding the event, as stored JSON. */
  public static final String PAYLOAD = "payload";

  @Override
  public boolean accept(InboundEvent event, String source) {
    Map<String, AttributeValue> item = itemOf(event, source, dedupWindow);
    try {
      dynamo.putItem(
          r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
      return true;
    } catch (ConditionalCheckFailedException duplicate) {
      return false;
    }
  }

  /**
   * A batch in two round trips per 25 events (a single event: one conditional put) (DynamoDB Local
   * and DynamoDB both charge mostly per request): one consistent {@code BatchGetItem} finds the
   * messageIds already stored, then the new events are put with {@code BatchWriteItem}s. Two
   * requests racing with one new messageId may both be told "accepted": the first put is the
   * stream's insert, which is processed; the second only modifies the item, and the stream's filter
   * passes inserts only, so the event is processed once.
   */
  @Override
  public List<Boolean> acceptAll(List<InboundEvent> events, String source) {
    if (events.size() == 1) {
      return List.of(accept(events.get(0), source)); // one conditional put: one round trip, not two
    }
    Map<String, Integer> firstAt = new LinkedHashMap<>();
    for (int i = 0; i < events.size(); i++) {
      firstAt.putIfAbsent(events.get(i).messageId(), i);
    }
    Set<String> stored = new HashSet<>();
    List<Map<String, AttributeValue>> keys =
        firstAt.keySet().stream().map(id -> Attr.key(Keys.inbox(id), Keys.INBOX_SK)).toList();
    for (Map<String, AttributeValue> item : BatchReads.get(dynamo, table, keys, Keys.PK)) {
      stored.add(Keys.messageIdOf(Attr.string(item, Keys.PK)));
    }
    List<Boolean> accepted = new ArrayList<>(events.size());
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      InboundEvent event = events.get(i);
      boolean isNew = firstAt.get(event.messageId()) == i && !stored.contains(event.messageId());
      accepted.add(isNew);
      if (isNew) {
        items.add(itemOf(event, source, dedupWindow));
      }
    }
    BatchWrites.put(dynamo, table, items);
    return List.copyOf(accepted);
  }

  @Override
  public Optional<InboundEvent> stored(String messageId) {
    return Queries.item(dynamo, table, Keys.inbox(messageId), Keys.INBOX_SK)
        .filter(item -> item.containsKey(PAYLOAD))
        .map(DynamoEventInbox::eventOf);
  }

  /** The inbox item of an event (also written inside other transactions, e.g. segment changes). */
  public static Map<String, AttributeValue> itemOf(
      InboundEvent event, String source, Duration dedupWindow) {
    Map<String, AttributeValue> item =
        new HashMap<>(Attr.key(Keys.inbox(event.messageId()), Keys.INBOX_SK));
    item.put(PAYLOAD, Attr.s(event.toStoredJson()));
    item.put("receivedAt", Attr.s(event.receivedAt().toString()));
    item.put("source", Attr.s(source));
    item.put("ttl", Attr.n(event.receivedAt().plus(dedupWindow).getEpochSecond()));
    return item;
  }

  /** Reads the event an inbox item (e.g. a stream record's new image) holds. */
  public static InboundEvent eventOf(Map<String, AttributeValue> inboxItem) {
    return InboundEvent.fromStoredJson(Attr.string(inboxItem, PAYLOAD));
  }
}
