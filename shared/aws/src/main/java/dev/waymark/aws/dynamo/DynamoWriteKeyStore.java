package dev.waymark.aws.dynamo;

import dev.waymark.core.access.WriteKeyStore;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Write-key hashes: {@code K#<sha256>}/{@code WRITEKEY} with the source they belong to. */
public record DynamoWriteKeyStore(DynamoDbClient dynamo, String table, Clock clock)
    implements WriteKeyStore {
  @Override
  public Optional<String> sourceOf(String keyHash) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                r -> r.tableName(table).key(Attr.key(Keys.writeKey(keyHash), Keys.WRITE_KEY_SK)))
            .item();
    return item == null || item.isEmpty()
        ? Optional.empty()
        : Optional.ofNullable(Attr.string(item, "source"));
  }

  @Override
  public void store(String keyHash, String source) {
    Map<String, AttributeValue> item =
        new HashMap<>(Attr.key(Keys.writeKey(keyHash), Keys.WRITE_KEY_SK));
    item.put("source", Attr.s(source));
    item.put("createdAt", Attr.s(clock.instant().toString()));
    dynamo.putItem(r -> r.tableName(table).item(item));
  }
}
