package dev.waymark.aws.dynamo;

import dev.waymark.core.event.EventInbox;
import dev.waymark.core.event.InboundEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
