package dev.waymark.aws.dynamo;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.waymark.core.event.InboundEvent;
import java.util.Map;

/**
 * Reads the table's stream as the process function sees it: which records are inserts of inbox
 * items ({@code EV#<messageId>}/{@code EVENT}, see {@link DynamoEventInbox}), and the event each
 * one holds. The event source mapping filters the same way; this is the guard behind it.
 */
public final class InboxStream {
  private InboxStream() {}

  public static boolean isInboxInsert(DynamodbEvent.DynamodbStreamRecord record) {
    Map<String, AttributeValue> image =
        record.getDynamodb() == null ? null : record.getDynamodb().getNewImage();
    return "INSERT".equals(record.getEventName())
        && image != null
        && image.get(Keys.SK) != null
        && image.get(Keys.PK) != null
        && ((Keys.INBOX_SK.equals(image.get(Keys.SK).getS())
                && image.get(DynamoEventInbox.PAYLOAD) != null)
            || isReplay(record));
  }

  /** A replay request of a dead letter ({@code EV#<messageId>} / {@code REPLAY#<n>}). */
  public static boolean isReplay(DynamodbEvent.DynamodbStreamRecord record) {
    Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
    return image.get(Keys.SK).getS().startsWith(Keys.REPLAY_PREFIX);
  }

  /** The messageId of an inbox insert or replay request. */
  public static String messageIdOf(DynamodbEvent.DynamodbStreamRecord record) {
    return Keys.messageIdOf(record.getDynamodb().getKeys().get(Keys.PK).getS());
  }

  /** The event of an inbox insert. */
  public static InboundEvent eventOf(DynamodbEvent.DynamodbStreamRecord record) {
    return InboundEvent.fromStoredJson(
        record.getDynamodb().getNewImage().get(DynamoEventInbox.PAYLOAD).getS());
  }
}
