package dev.waymark.aws.segment;

import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.BatchReads;
import dev.waymark.aws.dynamo.DynamoEventInbox;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.aws.dynamo.Queries;
import dev.waymark.aws.dynamo.SegmentMembershipItems;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.segment.SegmentMembership;
import dev.waymark.core.segment.SegmentMemberships;
import dev.waymark.core.store.ConcurrentChangeException;
import dev.waymark.core.store.Page;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Segment memberships in DynamoDB. A change is one transaction of: the person's membership item
 * (conditional on the version read), the member index item (put on entry, deleted on exit), an ADD
 * on one shard of the size counter and on that shard's size change of the day, and the announcing
 * event's inbox item — so the counter moves exactly once per change, the sizes over time with it,
 * and the announcement exists exactly when the change does.
 */
public record DynamoSegmentMemberships(
    DynamoDbClient dynamo, String table, Duration dedupWindow, Clock clock)
    implements SegmentMemberships, SegmentMembershipItems {
  /** How long a day's size change is kept: the history {@link #sizes} can show. */
  static final Duration SIZE_HISTORY = Duration.ofDays(400);

  /** Shards of each segment's member index and size counter (writes spread over partitions). */
  static final int SHARDS = 16;

  private static final int MOVE_ATTEMPTS = 16;

  /** On the system clock (tests of the adapter; the services pass theirs). */
  public DynamoSegmentMemberships(DynamoDbClient dynamo, String table, Duration dedupWindow) {
    this(dynamo, table, dedupWindow, Clock.systemUTC());
  }

  private static final java.util.Set<String> CONDITION_OR_NONE =
      java.util.Set.of("None", "ConditionalCheckFailed", "TransactionConflict");

  @Override
  public Map<String, SegmentMembership> of(String profileId) {
    Map<String, SegmentMembership> found = new LinkedHashMap<>();
    Queries.withPrefix(dynamo, table, Keys.profile(profileId), Keys.SEGMENT_PREFIX).stream()
        .map(MembershipItems::membership)
        .forEach(m -> found.put(m.segmentId(), m));
    return found;
  }

  /** One strongly consistent BatchGetItem per {@link BatchReads#MAX_BATCH_GET} memberships. */
  @Override
  public Map<String, Map<String, SegmentMembership>> ofEach(Map<String, Set<String>> wanted) {
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    Map<String, Map<String, SegmentMembership>> found = new HashMap<>();
    wanted.forEach(
        (profileId, segmentIds) -> {
          found.put(profileId, new LinkedHashMap<>());
          segmentIds.forEach(
              s -> keys.add(Attr.key(Keys.profile(profileId), Keys.segmentMembership(s))));
        });
    for (Map<String, AttributeValue> item : BatchReads.get(dynamo, table, keys)) {
      SegmentMembership m = MembershipItems.membership(item);
      String profileId = Keys.profileIdOf(Attr.string(item, Keys.PK));
      found.get(profileId).put(m.segmentId(), m);
    }
    return found;
  }

  /** One strongly consistent BatchGetItem per {@link BatchReads#MAX_BATCH_GET} people. */
  @Override
  public Set<String> membersAmong(String segmentId, Collection<String> profileIds) {
    List<Map<String, AttributeValue>> keys =
        profileIds.stream()
            .distinct()
            .map(id -> Attr.key(Keys.profile(id), Keys.segmentMembership(segmentId)))
            .toList();
    Set<String> members = new HashSet<>();
    for (Map<String, AttributeValue> item : BatchReads.get(dynamo, table, keys)) {
      if (MembershipItems.membership(item).member()) {
        members.add(Keys.profileIdOf(Attr.string(item, Keys.PK)));
      }
    }
    return members;
  }

  @Override
  public void change(
      String profileId,
      SegmentMembership before,
      SegmentMembership after,
      InboundEvent announcement) {
    List<TransactWriteItem> writes = new ArrayList<>(memberWrites(profileId, before, after));
    writes.add(
        TransactWriteItem.builder()
            .put(
                p ->
                    p.tableName(table)
                        .item(DynamoEventInbox.itemOf(announcement, "segments", dedupWindow))
                        .conditionExpression("attribute_not_exists(PK)"))
            .build());
    try {
      dynamo.transactWriteItems(r -> r.transactItems(writes));
    } catch (TransactionCanceledException e) {
      List<CancellationReason> reasons = e.cancellationReasons();
      if (failed(reasons, 0)) {
        throw new ConcurrentChangeException(
            "membership of " + after.segmentId() + " changed meanwhile");
      }
      if (failed(reasons, writes.size() - 1)) {
        // the announcement of this very change (same person, segment, kind and second) exists
        // already
        dynamo.transactWriteItems(r -> r.transactItems(writes.subList(0, writes.size() - 1)));
        return;
      }
      throw e;
    }
  }

  /** The membership item, the member index item and the counter shard of a change. */
  private List<TransactWriteItem> memberWrites(
      String profileId, SegmentMembership before, SegmentMembership after) {
    String segmentId = after.segmentId();
    int shard = shard(profileId);
    Map<String, AttributeValue> version = Map.of(":v", Attr.n(before.version()));
    TransactWriteItem membership =
        TransactWriteItem.builder()
            .put(
                p ->
                    p.tableName(table)
                        .item(MembershipItems.item(profileId, after))
                        .conditionExpression(
                            before.version() == 0
                                ? "attribute_not_exists(version)"
                                : "version = :v")
                        .expressionAttributeValues(before.version() == 0 ? null : version))
            .build();
    Map<String, AttributeValue> indexKey =
        Attr.key(Keys.segmentMembers(segmentId, shard), Keys.profile(profileId));
    TransactWriteItem index;
    if (after.member()) {
      Map<String, AttributeValue> item = new LinkedHashMap<>(indexKey);
      item.put("profileId", Attr.s(profileId));
      item.put("enteredAt", Attr.s(after.enteredAt().toString()));
      index = TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build();
    } else {
      index = TransactWriteItem.builder().delete(d -> d.tableName(table).key(indexKey)).build();
    }
    int delta = after.member() ? 1 : -1;
    return before.member() == after.member()
        ? List.of(membership)
        : List.of(
            membership,
            index,
            counterAdd(segmentId, shard, delta),
            dayAdd(segmentId, shard, delta));
  }

  /** {@code ADD count :delta} on one shard of a segment's size counter. */
  private TransactWriteItem counterAdd(String segmentId, int shard, int delta) {
    return TransactWriteItem.builder()
        .update(
            u ->
                u.tableName(table)
                    .key(Attr.key(Keys.segmentCounter(segmentId), String.format("%02d", shard)))
                    .updateExpression("ADD #c :d")
                    .expressionAttributeNames(Map.of("#c", "count"))
                    .expressionAttributeValues(Map.of(":d", Attr.n(delta))))
        .build();
  }

  /** {@code ADD delta :d} on today's size change of one shard (kept {@link #SIZE_HISTORY}). */
  private TransactWriteItem dayAdd(String segmentId, int shard, int delta) {
    Instant now = clock.instant();
    return TransactWriteItem.builder()
        .update(
            u ->
                u.tableName(table)
                    .key(
                        Attr.key(
                            Keys.segmentDays(segmentId, shard),
                            LocalDate.ofInstant(now, ZoneOffset.UTC).toString()))
                    .updateExpression("ADD delta :d SET #t = :t")
                    .expressionAttributeNames(Map.of("#t", "ttl"))
                    .expressionAttributeValues(
                        Map.of(
                            ":d",
                            Attr.n(delta),
                            ":t",
                            Attr.n(now.plus(SIZE_HISTORY).getEpochSecond()))))
        .build();
  }

  /**
   * The size at the end of each of the last {@code days} UTC days: today's size (the counter) minus
   * the net changes of the days after each. One query per shard of the days asked for.
   */
  @Override
  public java.util.SortedMap<LocalDate, Long> sizes(String segmentId, int days) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    LocalDate from = today.minusDays(days - 1L);
    Map<LocalDate, Long> deltas = new java.util.HashMap<>();
    for (int shard = 0; shard < SHARDS; shard++) {
      String pk = Keys.segmentDays(segmentId, shard);
      Queries.all(
              dynamo,
              r ->
                  r.tableName(table)
                      .keyConditionExpression(Keys.PK + " = :pk AND " + Keys.SK + " >= :from")
                      .expressionAttributeValues(
                          Map.of(":pk", Attr.s(pk), ":from", Attr.s(from.toString()))))
          .forEach(
              i ->
                  deltas.merge(
                      LocalDate.parse(Attr.string(i, Keys.SK)),
                      Attr.number(i, "delta"),
                      Long::sum));
    }
    java.util.SortedMap<LocalDate, Long> sizes = new java.util.TreeMap<>();
    long size = size(segmentId);
    for (LocalDate day = today; !day.isBefore(from); day = day.minusDays(1)) {
      sizes.put(day, size);
      size -= deltas.getOrDefault(day, 0L);
    }
    return sizes;
  }

  private static boolean failed(List<CancellationReason> reasons, int index) {
    return reasons != null
        && reasons.size() > index
        && "ConditionalCheckFailed".equals(reasons.get(index).code());
  }

  static int shard(String profileId) {
    return Math.floorMod(profileId.hashCode(), SHARDS);
  }

  @Override
  public long size(String segmentId) {
    QueryResponse counters =
        dynamo.query(
            r ->
                r.tableName(table)
                    .keyConditionExpression("PK = :pk")
                    .expressionAttributeValues(
                        Map.of(":pk", Attr.s(Keys.segmentCounter(segmentId)))));
    return counters.items().stream().mapToLong(i -> Attr.number(i, "count")).sum();
  }

  /** Reads the index shard by shard; the cursor is {@code <shard>:<last sort key>}. */
  @Override
  public Page<String> members(String segmentId, int limit, String cursor) {
    int shard = 0;
    String after = null;
    if (cursor != null) {
      String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      shard = Integer.parseInt(decoded.substring(0, decoded.indexOf(':')));
      String rest = decoded.substring(decoded.indexOf(':') + 1);
      after = rest.isEmpty() ? null : rest;
    }
    List<String> ids = new ArrayList<>();
    for (; shard < SHARDS; shard++) {
      String pk = Keys.segmentMembers(segmentId, shard);
      Map<String, AttributeValue> start = after == null ? null : Attr.key(pk, after);
      int want = limit - ids.size();
      QueryResponse page =
          dynamo.query(
              r ->
                  r.tableName(table)
                      .keyConditionExpression("PK = :pk")
                      .expressionAttributeValues(Map.of(":pk", Attr.s(pk)))
                      .exclusiveStartKey(start)
                      .limit(want));
      page.items().forEach(i -> ids.add(Attr.string(i, "profileId")));
      after = null;
      if (page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()) {
        return new Page<>(ids, encode(shard, page.lastEvaluatedKey().get(Keys.SK).s()));
      }
      if (ids.size() >= limit) {
        return new Page<>(ids, shard + 1 < SHARDS ? encode(shard + 1, null) : null);
      }
    }
    return new Page<>(ids, null);
  }

  private static String encode(int shard, String sk) {
    String text = shard + ":" + (sk == null ? "" : sk);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Erasure of one membership item (the erasure of a profile calls this for each {@code SEG#} item
   * of the partition): a member leaves the index and the counter in one transaction with the item's
   * deletion, and the pending re-check is deleted, so nothing keyed by the person remains.
   */
  @Override
  public void erase(String profileId, Map<String, AttributeValue> membershipItem) {
    SegmentMembership m = MembershipItems.membership(membershipItem);
    Map<String, AttributeValue> key =
        Attr.key(Keys.profile(profileId), Keys.segmentMembership(m.segmentId()));
    if (m.member()) {
      List<TransactWriteItem> writes = new ArrayList<>(memberWrites(profileId, m, erased(m)));
      writes.set(0, TransactWriteItem.builder().delete(d -> d.tableName(table).key(key)).build());
      dynamo.transactWriteItems(r -> r.transactItems(writes));
    }
    if (m.dueAt() != null) {
      dynamo.deleteItem(
          r ->
              r.tableName(table)
                  .key(
                      Attr.key(
                          Keys.dueBucket(m.dueAt()), Keys.dueCheck(profileId, m.segmentId()))));
    }
  }

  /**
   * Moves a merged-away profile's membership to the survivor in one transaction, retried on a lost
   * race: the survivor's item becomes the combination of both (conditional on the version read),
   * the merged-away item goes (conditional on its version), the merged-away id leaves the member
   * index and the counter, the survivor joins them if it was not a member, and the re-check moves.
   */
  @Override
  public void move(String fromProfileId, String toProfileId, Map<String, AttributeValue> item) {
    String segmentId = MembershipItems.membership(item).segmentId();
    for (int attempt = 0; attempt < MOVE_ATTEMPTS; attempt++) {
      SegmentMembership from = of(fromProfileId).get(segmentId);
      if (from == null) {
        return; // moved already
      }
      SegmentMembership to =
          of(toProfileId).getOrDefault(segmentId, SegmentMembership.none(segmentId));
      try {
        dynamo.transactWriteItems(
            r -> r.transactItems(moveWrites(fromProfileId, from, toProfileId, to)));
        return;
      } catch (TransactionCanceledException lostRace) {
        if (lostRace.cancellationReasons().stream()
            .anyMatch(c -> c.code() != null && !CONDITION_OR_NONE.contains(c.code()))) {
          throw lostRace;
        }
      }
    }
    throw new ConcurrentChangeException(
        "membership of " + segmentId + " kept changing while it was moved");
  }

  private List<TransactWriteItem> moveWrites(
      String fromId, SegmentMembership from, String toId, SegmentMembership to) {
    SegmentMembership combined = to.absorbing(from);
    String segmentId = combined.segmentId();
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(
        TransactWriteItem.builder()
            .put(
                p ->
                    p.tableName(table)
                        .item(MembershipItems.item(toId, combined))
                        .conditionExpression(
                            to.version() == 0 ? "attribute_not_exists(version)" : "version = :v")
                        .expressionAttributeValues(
                            to.version() == 0 ? null : Map.of(":v", Attr.n(to.version()))))
            .build());
    writes.add(
        TransactWriteItem.builder()
            .delete(
                d ->
                    d.tableName(table)
                        .key(Attr.key(Keys.profile(fromId), Keys.segmentMembership(segmentId)))
                        .conditionExpression(
                            from.version() == 0 ? "attribute_not_exists(version)" : "version = :v")
                        .expressionAttributeValues(
                            from.version() == 0 ? null : Map.of(":v", Attr.n(from.version()))))
            .build());
    Map<Integer, Integer> counts = new java.util.TreeMap<>();
    if (from.member()) {
      writes.add(deleteKey(Keys.segmentMembers(segmentId, shard(fromId)), Keys.profile(fromId)));
      counts.merge(shard(fromId), -1, Integer::sum);
    }
    if (combined.member() && !to.member()) {
      Map<String, AttributeValue> index =
          new LinkedHashMap<>(
              Attr.key(Keys.segmentMembers(segmentId, shard(toId)), Keys.profile(toId)));
      index.put("profileId", Attr.s(toId));
      if (combined.enteredAt() != null) {
        index.put("enteredAt", Attr.s(combined.enteredAt().toString()));
      }
      writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(index)).build());
      counts.merge(shard(toId), 1, Integer::sum);
    }
    counts.forEach(
        (shard, delta) -> {
          if (delta != 0) {
            writes.add(counterAdd(segmentId, shard, delta));
          }
        });
    int net = counts.values().stream().mapToInt(Integer::intValue).sum();
    if (net != 0) {
      writes.add(dayAdd(segmentId, shard(toId), net));
    }
    if (from.dueAt() != null) {
      writes.add(deleteKey(Keys.dueBucket(from.dueAt()), Keys.dueCheck(fromId, segmentId)));
    }
    if (combined.dueAt() != null && !combined.dueAt().equals(to.dueAt())) {
      Map<String, AttributeValue> due =
          DynamoSegmentDueChecks.item(toId, segmentId, combined.dueAt());
      writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(due)).build());
    }
    return writes;
  }

  private TransactWriteItem deleteKey(String pk, String sk) {
    return TransactWriteItem.builder()
        .delete(d -> d.tableName(table).key(Attr.key(pk, sk)))
        .build();
  }

  /** A member taken out of the index and counter (not an exit: no history entry, no event). */
  private static SegmentMembership erased(SegmentMembership m) {
    return new SegmentMembership(
        m.segmentId(), false, m.enteredAt(), m.exitedAt(), m.dueAt(), m.version() + 1, m.history());
  }
}
