package dev.waymark.aws.deadletter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.aws.dynamo.Queries;
import dev.waymark.core.deadletter.DeadLetter;
import dev.waymark.core.deadletter.DeadLetterStore;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.json.Json;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.store.Page;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Dead letters on the Waymark table: failure notes beside the inbox item ({@code EV#<messageId>} /
 * {@code FAILURE}), the letters under {@code DEADLETTERS} / {@code <messageId>}, replay requests as
 * inbox inserts ({@code EV#<messageId>} / {@code REPLAY#<n>}, which the stream filter lets
 * through), and the failed mark on the timeline ({@code P#<id>} / {@code
 * E#<ts>#<messageId>#failed}). No item holds a payload except the timeline mark, which lives (and
 * is erased) with the profile.
 */
public record DynamoDeadLetterStore(DynamoDbClient dynamo, String table, Duration keepFor)
    implements DeadLetterStore {
  private static final String FAILED_REASON = "failedReason";

  @Override
  public void noteFailure(String messageId, String reason, Instant at) {
    dynamo.updateItem(
        r ->
            r.tableName(table)
                .key(Attr.key(Keys.inbox(messageId), Keys.FAILURE_NOTE_SK))
                .updateExpression("SET reason = :r, failedAt = :t, #ttl = :ttl ADD attempts :one")
                .expressionAttributeNames(Map.of("#ttl", "ttl"))
                .expressionAttributeValues(
                    Map.of(
                        ":r", Attr.s(reason),
                        ":t", Attr.s(at.toString()),
                        ":ttl", Attr.n(at.plus(keepFor).getEpochSecond()),
                        ":one", Attr.n(1))));
  }

  @Override
  public boolean attempted(String messageId) {
    return get(Keys.inbox(messageId), Keys.FAILURE_NOTE_SK) != null;
  }

  @Override
  public DeadLetter setAside(
      String messageId,
      Optional<InboundEvent> event,
      Optional<String> onTimelineOf,
      String fallbackReason,
      Instant at) {
    Map<String, AttributeValue> note = get(Keys.inbox(messageId), Keys.FAILURE_NOTE_SK);
    String reason = note == null ? fallbackReason : Attr.string(note, "reason");
    int attempts = note == null ? 0 : (int) Attr.number(note, "attempts");
    int replays = find(messageId).map(DeadLetter::replays).orElse(0);
    DeadLetter letter =
        new DeadLetter(
            messageId, DeadLetter.Status.FAILED, reason, attempts, at, replays, Optional.empty());
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(put(itemOf(letter, at)));
    if (event.isPresent() && onTimelineOf.isPresent()) {
      writes.add(put(failedMark(onTimelineOf.get(), event.get(), reason, at)));
    }
    dynamo.transactWriteItems(r -> r.transactItems(writes));
    return letter;
  }

  @Override
  public Optional<DeadLetter> find(String messageId) {
    return Optional.ofNullable(get(Keys.DEAD_LETTERS_PK, messageId))
        .map(DynamoDeadLetterStore::letterOf);
  }

  @Override
  public Page<DeadLetter> list(int limit, String cursor) {
    Map<String, AttributeValue> start =
        cursor == null ? null : Attr.key(Keys.DEAD_LETTERS_PK, decodeCursor(cursor));
    QueryResponse page =
        dynamo.query(
            r ->
                r.tableName(table)
                    .consistentRead(true)
                    .limit(limit + 1)
                    .keyConditionExpression("PK = :pk")
                    .expressionAttributeValues(Map.of(":pk", Attr.s(Keys.DEAD_LETTERS_PK)))
                    .exclusiveStartKey(start));
    List<Map<String, AttributeValue>> items = page.items();
    boolean more = items.size() > limit;
    List<DeadLetter> letters =
        (more ? items.subList(0, limit) : items)
            .stream().map(DynamoDeadLetterStore::letterOf).toList();
    return new Page<>(letters, more ? encodeCursor(letters.get(limit - 1).messageId()) : null);
  }

  @Override
  public boolean requestReplay(DeadLetter letter, Instant at) {
    int replay = letter.replays() + 1;
    Map<String, AttributeValue> request =
        new HashMap<>(Attr.key(Keys.inbox(letter.messageId()), Keys.replay(replay)));
    request.put("requestedAt", Attr.s(at.toString()));
    request.put("ttl", Attr.n(at.plus(keepFor).getEpochSecond()));
    Update mark =
        Update.builder()
            .tableName(table)
            .key(Attr.key(Keys.DEAD_LETTERS_PK, letter.messageId()))
            .updateExpression("SET #s = :replaying, replays = :n, replayedAt = :t")
            .conditionExpression("#s = :was AND replays = :before")
            .expressionAttributeNames(Map.of("#s", "status"))
            .expressionAttributeValues(
                Map.of(
                    ":replaying", Attr.s(DeadLetter.Status.REPLAYING.wireName()),
                    ":was", Attr.s(letter.status().wireName()),
                    ":n", Attr.n(replay),
                    ":before", Attr.n(letter.replays()),
                    ":t", Attr.s(at.toString())))
            .build();
    try {
      dynamo.transactWriteItems(
          r ->
              r.transactItems(
                  TransactWriteItem.builder().update(mark).build(),
                  TransactWriteItem.builder()
                      .put(
                          Put.builder()
                              .tableName(table)
                              .item(request)
                              .conditionExpression("attribute_not_exists(PK)")
                              .build())
                      .build()));
      return true;
    } catch (TransactionCanceledException changed) {
      return false;
    }
  }

  @Override
  public void processed(String messageId, InboundEvent event, String profileId, Instant at) {
    dynamo.transactWriteItems(
        r ->
            r.transactItems(
                resolve(messageId, DeadLetter.Status.PROCESSED, at),
                TransactWriteItem.builder()
                    .delete(
                        Delete.builder()
                            .tableName(table)
                            .key(
                                Attr.key(
                                    Keys.profile(profileId),
                                    Keys.failedEvent(event.timestamp(), messageId)))
                            .build())
                    .build()));
  }

  @Override
  public void gone(String messageId, Instant at) {
    dynamo.transactWriteItems(r -> r.transactItems(resolve(messageId, DeadLetter.Status.GONE, at)));
  }

  /**
   * A timeline item as the profile API shows it: the event, with its processing status ({@code
   * processed}, or {@code failed to process: <reason>} for a failed mark).
   */
  public static ObjectNode timelineEntry(Map<String, AttributeValue> item) {
    ObjectNode event = Json.parseObject(Attr.string(item, "event"));
    event.put(
        "status",
        item.containsKey(FAILED_REASON)
            ? "failed to process: " + Attr.string(item, FAILED_REASON)
            : "processed");
    return event;
  }

  private TransactWriteItem resolve(String messageId, DeadLetter.Status status, Instant at) {
    return TransactWriteItem.builder()
        .update(
            Update.builder()
                .tableName(table)
                .key(Attr.key(Keys.DEAD_LETTERS_PK, messageId))
                .updateExpression("SET #s = :s, resolvedAt = :t")
                .conditionExpression("attribute_exists(PK)")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(
                    Map.of(":s", Attr.s(status.wireName()), ":t", Attr.s(at.toString())))
                .build())
        .build();
  }

  private Map<String, AttributeValue> itemOf(DeadLetter letter, Instant at) {
    Map<String, AttributeValue> item =
        new HashMap<>(Attr.key(Keys.DEAD_LETTERS_PK, letter.messageId()));
    item.put("status", Attr.s(letter.status().wireName()));
    item.put("reason", Attr.s(letter.reason()));
    item.put("attempts", Attr.n(letter.attempts()));
    item.put("failedAt", Attr.s(letter.failedAt().toString()));
    item.put("replays", Attr.n(letter.replays()));
    item.put("ttl", Attr.n(at.plus(keepFor).getEpochSecond()));
    return item;
  }

  private Map<String, AttributeValue> failedMark(
      String profileId, InboundEvent event, String reason, Instant at) {
    Map<String, AttributeValue> item =
        new HashMap<>(
            Attr.key(
                Keys.profile(profileId), Keys.failedEvent(event.timestamp(), event.messageId())));
    item.put("messageId", Attr.s(event.messageId()));
    item.put("event", Attr.s(event.toStoredJson()));
    item.put(FAILED_REASON, Attr.s(reason));
    item.put("ttl", Attr.n(at.plus(keepFor).getEpochSecond()));
    return item;
  }

  private static DeadLetter letterOf(Map<String, AttributeValue> item) {
    return new DeadLetter(
        Attr.string(item, Keys.SK),
        DeadLetter.Status.fromWire(Attr.string(item, "status")).orElseThrow(),
        Attr.string(item, "reason"),
        (int) Attr.number(item, "attempts"),
        Instant.parse(Attr.string(item, "failedAt")),
        (int) Attr.number(item, "replays"),
        Optional.ofNullable(item.get("resolvedAt")).map(v -> Instant.parse(v.s())));
  }

  private TransactWriteItem put(Map<String, AttributeValue> item) {
    return TransactWriteItem.builder()
        .put(Put.builder().tableName(table).item(item).build())
        .build();
  }

  private Map<String, AttributeValue> get(String pk, String sk) {
    return Queries.item(dynamo, table, pk, sk).orElse(null);
  }

  private static String encodeCursor(String messageId) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("DL:" + messageId).getBytes(StandardCharsets.UTF_8));
  }

  private static String decodeCursor(String cursor) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (raw.startsWith("DL:") && DeadLetter.plausibleMessageId(raw.substring(3))) {
        return raw.substring(3);
      }
    } catch (IllegalArgumentException e) {
      // falls through to the problem below
    }
    throw ProblemException.invalidField("cursor", "not a cursor this API issued");
  }
}
