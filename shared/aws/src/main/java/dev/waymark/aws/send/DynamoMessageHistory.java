package dev.waymark.aws.send;

import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.BatchReads;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.core.send.MessageHistory;
import dev.waymark.core.send.SendRequest;
import dev.waymark.core.store.Page;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The day's message log across people: each of the day's {@link Keys#MESSAGE_DAY_SHARDS} DateIndex
 * partitions queried newest first ({@code limit} items each, below the page position), the index
 * keys merged by time, and the page's log items read in one BatchGetItem (the index holds keys
 * only). The position is the index sort key of the page's last entry: {@code <epoch millis, 13
 * digits>#<runId>#<stepId>#<profileId>}, unique per entry, so no entry is listed twice or skipped.
 */
public record DynamoMessageHistory(DynamoDbClient dynamo, String table) implements MessageHistory {
  private static final String INDEX = "DateIndex";

  /** The DateIndex sort key of a log item: time first, fixed width, so it sorts by time. */
  static String indexSortKey(Instant at, SendRequest request, String profileId) {
    return String.format("%013d", at.toEpochMilli())
        + "#"
        + request.runId()
        + "#"
        + request.stepId()
        + "#"
        + profileId;
  }

  @Override
  public Page<Entry> day(LocalDate day, int limit, String position) {
    List<Map<String, AttributeValue>> found = new ArrayList<>();
    boolean more = false;
    for (int shard = 0; shard < Keys.MESSAGE_DAY_SHARDS; shard++) {
      QueryResponse response = query(Keys.messageDay(day, shard), limit, position);
      found.addAll(response.items());
      more |= response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
    }
    found.sort(
        Comparator.comparing((Map<String, AttributeValue> i) -> Attr.string(i, Keys.GSI1SK))
            .reversed());
    more |= found.size() > limit;
    List<Map<String, AttributeValue>> page = found.subList(0, Math.min(limit, found.size()));
    Map<String, Map<String, AttributeValue>> items = new HashMap<>();
    for (Map<String, AttributeValue> item :
        BatchReads.get(
            dynamo,
            table,
            page.stream()
                .map(k -> Attr.key(Attr.string(k, Keys.PK), Attr.string(k, Keys.SK)))
                .toList())) {
      items.put(Attr.string(item, Keys.PK) + "|" + Attr.string(item, Keys.SK), item);
    }
    List<Entry> entries = new ArrayList<>();
    for (Map<String, AttributeValue> key : page) {
      Map<String, AttributeValue> item =
          items.get(Attr.string(key, Keys.PK) + "|" + Attr.string(key, Keys.SK));
      if (item != null) { // erased or moved by a merge since the index was read
        entries.add(entry(item));
      }
    }
    String next = more && !page.isEmpty() ? Attr.string(page.getLast(), Keys.GSI1SK) : null;
    return new Page<>(entries, next);
  }

  /** The person's partition, {@code M#} items newest first: one query page. */
  @Override
  public List<Entry> person(String profileId, int limit) {
    return dynamo
        .query(
            r ->
                r.tableName(table)
                    .keyConditionExpression(Keys.PK + " = :pk AND begins_with(" + Keys.SK + ", :m)")
                    .expressionAttributeValues(
                        Map.of(
                            ":pk", Attr.s(Keys.profile(profileId)),
                            ":m", Attr.s(Keys.MESSAGE_PREFIX)))
                    .scanIndexForward(false)
                    .limit(limit))
        .items()
        .stream()
        .map(DynamoMessageHistory::entry)
        .toList();
  }

  private QueryResponse query(String partition, int limit, String position) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":pk", Attr.s(partition));
    String condition = Keys.GSI1PK + " = :pk";
    if (position != null) {
      values.put(":before", Attr.s(position));
      condition += " AND " + Keys.GSI1SK + " < :before";
    }
    String keyCondition = condition;
    return dynamo.query(
        r ->
            r.tableName(table)
                .indexName(INDEX)
                .keyConditionExpression(keyCondition)
                .expressionAttributeValues(values)
                .scanIndexForward(false)
                .limit(limit));
  }

  private static Entry entry(Map<String, AttributeValue> item) {
    Set<String> feedback =
        item.containsKey("feedback") ? new TreeSet<>(item.get("feedback").ss()) : Set.of();
    return new Entry(
        Keys.profileIdOf(Attr.string(item, Keys.PK)),
        Instant.parse(Attr.string(item, "at")),
        Attr.string(item, "journeyId"),
        Attr.string(item, "runId"),
        Attr.string(item, "stepId"),
        Attr.string(item, "template"),
        Attr.string(item, "channel"),
        Attr.string(item, "status"),
        Attr.string(item, "reason"),
        Attr.string(item, "deliveryStatus"),
        item.containsKey("deliveryStatusAt")
            ? Instant.parse(Attr.string(item, "deliveryStatusAt"))
            : null,
        feedback);
  }
}
