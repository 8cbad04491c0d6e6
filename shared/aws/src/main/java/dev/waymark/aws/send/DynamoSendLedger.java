package dev.waymark.aws.send;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.Conditions;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.core.json.Json;
import dev.waymark.core.message.Channel;
import dev.waymark.core.send.SendLedger;
import dev.waymark.core.send.SendOutcome;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The send ledger ({@code S#<runId>#<stepId>}/{@code S}) and the daily caps ({@code
 * P#<profileId>}/{@code CAP#<channel>#<local day>}). A claim is one transaction: the ledger entry
 * (only if absent) and the cap counter (only while under the cap).
 */
public record DynamoSendLedger(DynamoDbClient dynamo, String table, Clock clock)
    implements SendLedger {
  @Override
  public Optional<SendOutcome> find(String runId, String stepId) {
    return answer(
        dynamo
            .getItem(r -> r.tableName(table).consistentRead(true).key(key(runId, stepId)))
            .item());
  }

  /** The key of a (run, step)'s ledger entry. */
  static Map<String, AttributeValue> key(String runId, String stepId) {
    return Attr.key(Keys.sendLedger(runId, stepId), Keys.SEND_LEDGER_SK);
  }

  /** The outcome a ledger entry holds: empty for none, or one claimed and not completed. */
  static Optional<SendOutcome> answer(Map<String, AttributeValue> item) {
    if (item == null || item.isEmpty() || Attr.string(item, "outcome") == null) {
      return Optional.empty();
    }
    return Optional.of(
        Json.read(Attr.string(item, "outcome"), new TypeReference<SendOutcome>() {}));
  }

  @Override
  public Claim claim(
      String runId, String stepId, String profileId, Channel channel, String localDay, int cap) {
    TransactWriteItem ledger =
        TransactWriteItem.builder()
            .put(
                Put.builder()
                    .tableName(table)
                    .item(
                        Map.of(
                            Keys.PK,
                            Attr.s(Keys.sendLedger(runId, stepId)),
                            Keys.SK,
                            Attr.s(Keys.SEND_LEDGER_SK),
                            "status",
                            Attr.s("claimed"),
                            "claimedAt",
                            Attr.s(clock.instant().toString()),
                            "ttl",
                            Attr.n(clock.instant().plus(Duration.ofDays(400)).getEpochSecond())))
                    .conditionExpression("attribute_not_exists(PK)")
                    .build())
            .build();
    TransactWriteItem counter =
        TransactWriteItem.builder()
            .update(
                Update.builder()
                    .tableName(table)
                    .key(Attr.key(Keys.profile(profileId), Keys.dailyCap(channel.name(), localDay)))
                    .updateExpression("ADD #c :one SET #ttl = :ttl")
                    .conditionExpression("attribute_not_exists(#c) OR #c < :cap")
                    .expressionAttributeNames(Map.of("#c", "count", "#ttl", "ttl"))
                    .expressionAttributeValues(
                        Map.of(
                            ":one",
                            Attr.n(1),
                            ":cap",
                            Attr.n(cap),
                            ":ttl",
                            Attr.n(clock.instant().plus(Duration.ofDays(3)).getEpochSecond())))
                    .build())
            .build();
    try {
      dynamo.transactWriteItems(r -> r.transactItems(ledger, counter));
      return Claim.CLAIMED;
    } catch (TransactionCanceledException e) {
      return Conditions.onlyConditionAt(e, 1) ? Claim.CAPPED : claimLost(e);
    }
  }

  private static Claim claimLost(TransactionCanceledException e) {
    if (Conditions.onlyConditionAt(e, 0)
        || "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) {
      return Claim.TAKEN;
    }
    throw e;
  }

  @Override
  public void complete(String runId, String stepId, SendOutcome outcome) {
    Update u = completion(table, runId, stepId, outcome, clock);
    dynamo.updateItem(
        r ->
            r.tableName(table)
                .key(u.key())
                .updateExpression(u.updateExpression())
                .expressionAttributeNames(u.expressionAttributeNames())
                .expressionAttributeValues(u.expressionAttributeValues()));
  }

  /** Sets a ledger entry's final outcome (also written in {@link DynamoSendRecords#finish}). */
  static Update completion(
      String table, String runId, String stepId, SendOutcome outcome, Clock clock) {
    return Update.builder()
        .tableName(table)
        .key(key(runId, stepId))
        .updateExpression("SET #s = :s, outcome = :o, #ttl = :ttl")
        .expressionAttributeNames(Map.of("#s", "status", "#ttl", "ttl"))
        .expressionAttributeValues(
            Map.of(
                ":s",
                Attr.s(outcome.status().name()),
                ":o",
                Attr.s(Json.write(outcome)),
                ":ttl",
                Attr.n(clock.instant().plus(Duration.ofDays(400)).getEpochSecond())))
        .build();
  }

  @Override
  public void release(
      String runId, String stepId, String profileId, Channel channel, String localDay) {
    dynamo.transactWriteItems(
        r ->
            r.transactItems(
                TransactWriteItem.builder()
                    .delete(
                        d ->
                            d.tableName(table)
                                .key(Attr.key(Keys.sendLedger(runId, stepId), Keys.SEND_LEDGER_SK))
                                .conditionExpression("#s = :claimed")
                                .expressionAttributeNames(Map.of("#s", "status"))
                                .expressionAttributeValues(Map.of(":claimed", Attr.s("claimed"))))
                    .build(),
                TransactWriteItem.builder()
                    .update(
                        u ->
                            u.tableName(table)
                                .key(
                                    Attr.key(
                                        Keys.profile(profileId),
                                        Keys.dailyCap(channel.name(), localDay)))
                                .updateExpression("ADD #c :minus")
                                .expressionAttributeNames(Map.of("#c", "count"))
                                .expressionAttributeValues(Map.of(":minus", Attr.n(-1))))
                    .build()));
  }
}
