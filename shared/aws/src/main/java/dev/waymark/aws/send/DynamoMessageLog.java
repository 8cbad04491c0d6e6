package dev.waymark.aws.send;

import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.core.send.MessageLog;
import dev.waymark.core.send.SendOutcome;
import dev.waymark.core.send.SendRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The message log: {@code P#<profileId>}/{@code M#<time>#<runId>#<stepId>}, one item per send
 * decision, and for sent messages a pointer {@code MSG#<provider message id>}/{@code MSG} so
 * delivery feedback finds its message.
 */
public record DynamoMessageLog(DynamoDbClient dynamo, String table) implements MessageLog {
  private static final Duration RETENTION = Duration.ofDays(400);

  @Override
  public void record(String profileId, Instant at, SendRequest request, SendOutcome outcome) {
    String sk = Keys.message(at, request.runId() + "#" + request.stepId());
    Map<String, AttributeValue> item = new HashMap<>(Attr.key(Keys.profile(profileId), sk));
    item.put("status", Attr.s(outcome.status().name()));
    item.put("journeyId", Attr.s(request.journeyId()));
    item.put("runId", Attr.s(request.runId()));
    item.put("stepId", Attr.s(request.stepId()));
    item.put("template", Attr.s(request.template()));
    item.put("at", Attr.s(at.toString()));
    item.put("ttl", Attr.n(at.plus(RETENTION).getEpochSecond()));
    if (outcome.channel() != null) {
      item.put("channel", Attr.s(outcome.channel().name()));
    }
    if (outcome.reason() != null) {
      item.put("reason", Attr.s(outcome.reason()));
    }
    if (outcome.messageId() != null) {
      item.put("providerMessageId", Attr.s(outcome.messageId()));
      dynamo.putItem(
          r ->
              r.tableName(table)
                  .item(
                      Map.of(
                          Keys.PK,
                          Attr.s(Keys.providerMessage(outcome.messageId())),
                          Keys.SK,
                          Attr.s(Keys.PROVIDER_MESSAGE_SK),
                          "profileId",
                          Attr.s(profileId),
                          "messageSk",
                          Attr.s(sk),
                          "ttl",
                          Attr.n(at.plus(RETENTION).getEpochSecond()))));
    }
    dynamo.putItem(r -> r.tableName(table).item(item));
  }

  @Override
  public boolean updateStatus(String providerMessageId, String status, Instant at) {
    Map<String, AttributeValue> pointer =
        dynamo
            .getItem(
                r ->
                    r.tableName(table)
                        .key(
                            Attr.key(
                                Keys.providerMessage(providerMessageId), Keys.PROVIDER_MESSAGE_SK)))
            .item();
    if (pointer == null || pointer.isEmpty()) {
      return false;
    }
    try {
      dynamo.updateItem(
          r ->
              r.tableName(table)
                  .key(
                      Attr.key(
                          Keys.profile(Attr.string(pointer, "profileId")),
                          Attr.string(pointer, "messageSk")))
                  .updateExpression("SET #s = :s, #u = :at")
                  .conditionExpression("attribute_exists(PK)")
                  .expressionAttributeNames(
                      Map.of("#s", "deliveryStatus", "#u", "deliveryStatusAt"))
                  .expressionAttributeValues(
                      Map.of(":s", Attr.s(status), ":at", Attr.s(at.toString()))));
      return true;
    } catch (ConditionalCheckFailedException erased) {
      return false;
    }
  }
}
