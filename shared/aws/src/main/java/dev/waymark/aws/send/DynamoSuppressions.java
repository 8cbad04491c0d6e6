package dev.waymark.aws.send;

import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.core.access.WriteKeys;
import dev.waymark.core.message.Channel;
import dev.waymark.core.send.Suppressions;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The suppression list: {@code SUP#<channel>#<sha256(address)>}/{@code SUP}. Addresses are kept
 * only as hashes, so the list survives a person's erasure (their opt-out must) without holding
 * their address.
 */
public record DynamoSuppressions(DynamoDbClient dynamo, String table, Clock clock)
    implements Suppressions {
  @Override
  public boolean suppressed(Channel channel, String address) {
    Map<String, AttributeValue> item =
        dynamo.getItem(r -> r.tableName(table).key(key(channel, address))).item();
    return item != null && !item.isEmpty();
  }

  @Override
  public void suppress(Channel channel, String address, String reason) {
    Map<String, AttributeValue> item = new java.util.HashMap<>(key(channel, address));
    item.put("reason", Attr.s(reason));
    item.put("at", Attr.s(clock.instant().toString()));
    dynamo.putItem(r -> r.tableName(table).item(item));
  }

  /** The item key of an address on the list (also read in {@link DynamoSendRecords}'s batch). */
  static Map<String, AttributeValue> key(Channel channel, String address) {
    return Attr.key(
        Keys.suppression(channel.name(), WriteKeys.hash(address.trim().toLowerCase(Locale.ROOT))),
        "SUP");
  }
}
