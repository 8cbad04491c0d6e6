package dev.waymark.aws.template;

import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.core.message.TestRecipients;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link TestRecipients} on the Waymark table: the list is {@code SETTINGS} / {@code
 * TEST_RECIPIENTS}; each test message is {@code TPL#<id>} / {@code TEST#<at>#<providerMessageId>}
 * beside the template it tried.
 */
public record DynamoTestRecipients(DynamoDbClient dynamo, String table) implements TestRecipients {
  @Override
  public List<String> addresses() {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                r ->
                    r.tableName(table)
                        .key(Attr.key(Keys.SETTINGS_PK, Keys.TEST_RECIPIENTS_SK))
                        .consistentRead(true))
            .item();
    return item == null ? List.of() : Attr.strings(item, "addresses");
  }

  @Override
  public void replace(List<String> addresses, Instant at) {
    Map<String, AttributeValue> item = Attr.key(Keys.SETTINGS_PK, Keys.TEST_RECIPIENTS_SK);
    item.put("addresses", Attr.list(addresses));
    item.put("updatedAt", Attr.s(at.toString()));
    dynamo.putItem(r -> r.tableName(table).item(item));
  }

  @Override
  public void record(TestMessage message) {
    Map<String, AttributeValue> item =
        Attr.key(
            Keys.template(message.templateId()),
            Keys.testSend(message.at(), message.providerMessageId()));
    item.put("version", Attr.n(message.version()));
    item.put("channel", Attr.s(message.channel().name()));
    item.put("to", Attr.s(message.to()));
    item.put("providerMessageId", Attr.s(message.providerMessageId()));
    item.put("at", Attr.s(message.at().toString()));
    dynamo.putItem(r -> r.tableName(table).item(item));
  }
}
