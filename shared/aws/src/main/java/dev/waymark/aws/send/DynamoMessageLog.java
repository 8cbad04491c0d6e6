package dev.waymark.aws.send;

import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.aws.dynamo.Queries;
import dev.waymark.core.send.MessageLog;
import dev.waymark.core.send.SendOutcome;
import dev.waymark.core.send.SendRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The message log: {@code P#<profileId>}/{@code M#<time>#<runId>#<stepId>}, one item per send
 * decision, and for sent messages a pointer {@code MSG#<provider message id>}/{@code MSG} so
 * delivery feedback finds its message. Feedback sets {@code deliveryStatus} (the latest) and adds
 * to the set {@code feedback} (every status seen, whatever order providers report them in). Each
 * log item is also in the DateIndex under its UTC day ({@link Keys#messageDay}), which {@link
 * DynamoMessageHistory} reads.
 */
public record DynamoMessageLog(DynamoDbClient dynamo, String table) implements MessageLog {
  private static final Duration RETENTION = Duration.ofDays(400);

  @Override
  public void record(String profileId, Instant at, SendRequest request, SendOutcome outcome) {
    for (Map<String, AttributeValue> item : items(profileId, at, request, outcome)) {
      dynamo.putItem(r -> r.tableName(table).item(item));
    }
  }

  /**
   * The items a send decision is logged as: for a sent message first the pointer {@code
   * MSG#<provider message id>}, then the log item (also written in {@link DynamoSendRecords}).
   */
  static List<Map<String, AttributeValue>> items(
      String profileId, Instant at, SendRequest request, SendOutcome outcome) {
    String sk = Keys.message(at, request.runId() + "#" + request.stepId());
    Map<String, AttributeValue> item = new HashMap<>(Attr.key(Keys.profile(profileId), sk));
    item.put("status", Attr.s(outcome.status().name()));
    item.put("journeyId", Attr.s(request.journeyId()));
    item.put("runId", Attr.s(request.runId()));
    item.put("stepId", Attr.s(request.stepId()));
    item.put("template", Attr.s(request.template()));
    item.put("at", Attr.s(at.toString()));
    item.put("ttl", Attr.n(at.plus(RETENTION).getEpochSecond()));
    // the day's log across people (DateIndex, sharded by person): GET /v1/messages
    item.put(
        Keys.GSI1PK,
        Attr.s(
            Keys.messageDay(
                LocalDate.ofInstant(at, ZoneOffset.UTC), Keys.messageShard(profileId))));
    item.put(Keys.GSI1SK, Attr.s(DynamoMessageHistory.indexSortKey(at, request, profileId)));
    if (outcome.channel() != null) {
      item.put("channel", Attr.s(outcome.channel().name()));
    }
    if (outcome.reason() != null) {
      item.put("reason", Attr.s(outcome.reason()));
    }
    if (outcome.messageId() == null) {
      return List.of(item);
    }
    item.put("providerMessageId", Attr.s(outcome.messageId()));
    return List.of(
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
            Attr.n(at.plus(RETENTION).getEpochSecond())),
        item);
  }

  /**
   * The person's message items of the run whose step is {@code stepId} or {@code
   * <stepId>.<channel>} (a query of {@code P#<profileId>}, {@code M#...}, filtered): the union of
   * their {@code feedback} sets.
   */
  @Override
  public Set<String> feedback(String profileId, String runId, String stepId) {
    Set<String> seen = new TreeSet<>();
    Queries.all(
            dynamo,
            r ->
                r.tableName(table)
                    .keyConditionExpression(Keys.PK + " = :pk AND begins_with(" + Keys.SK + ", :m)")
                    .filterExpression("runId = :r AND (stepId = :s OR begins_with(stepId, :sub))")
                    .expressionAttributeValues(
                        Map.of(
                            ":pk", Attr.s(Keys.profile(profileId)),
                            ":m", Attr.s(Keys.MESSAGE_PREFIX),
                            ":r", Attr.s(runId),
                            ":s", Attr.s(stepId),
                            ":sub", Attr.s(stepId + "."))))
        .forEach(
            item -> {
              AttributeValue kinds = item.get("feedback");
              if (kinds != null && kinds.hasSs()) {
                seen.addAll(kinds.ss());
              }
            });
    return seen;
  }

  /** The pointer {@code MSG#<id>}, then the message item it names. */
  @Override
  public Optional<Sent> sent(String providerMessageId) {
    Map<String, AttributeValue> pointer = pointer(providerMessageId);
    if (pointer == null || pointer.isEmpty()) {
      return Optional.empty();
    }
    String profileId = Attr.string(pointer, "profileId");
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                r ->
                    r.tableName(table)
                        .key(Attr.key(Keys.profile(profileId), Attr.string(pointer, "messageSk"))))
            .item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Sent(
            profileId,
            Attr.string(item, "journeyId"),
            Attr.string(item, "runId"),
            Attr.string(item, "stepId"),
            Attr.string(item, "channel"),
            Attr.string(item, "template")));
  }

  private Map<String, AttributeValue> pointer(String providerMessageId) {
    return dynamo
        .getItem(
            r ->
                r.tableName(table)
                    .key(
                        Attr.key(
                            Keys.providerMessage(providerMessageId), Keys.PROVIDER_MESSAGE_SK)))
        .item();
  }

  @Override
  public boolean updateStatus(String providerMessageId, String status, Instant at) {
    Map<String, AttributeValue> pointer = pointer(providerMessageId);
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
                  .updateExpression("SET #s = :s, #u = :at ADD #f :fs")
                  .conditionExpression("attribute_exists(PK)")
                  .expressionAttributeNames(
                      Map.of("#s", "deliveryStatus", "#u", "deliveryStatusAt", "#f", "feedback"))
                  .expressionAttributeValues(
                      Map.of(
                          ":s",
                          Attr.s(status),
                          ":at",
                          Attr.s(at.toString()),
                          ":fs",
                          AttributeValue.fromSs(List.of(status)))));
      return true;
    } catch (ConditionalCheckFailedException erased) {
      return false;
    }
  }
}
