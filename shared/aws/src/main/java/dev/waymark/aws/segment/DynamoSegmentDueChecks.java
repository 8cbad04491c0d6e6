package dev.waymark.aws.segment;

import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.Conditions;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.aws.dynamo.Queries;
import dev.waymark.core.segment.SegmentDueChecks;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Due re-checks as items in hour buckets ({@code DUE#<yyyy-mm-ddTHH>}/{@code
 * <profileId>#<segmentId>}, the hour by which each is due): the sweep of an hour queries that one
 * bucket, never the profiles. Items expire a week after they fall due, so a bucket nobody swept
 * does not stay forever. The hours that hold checks are marked in {@code DUEHOURS} ({@link
 * DueHours}), so the next one is one query away ({@link #nextDueHour}).
 */
public record DynamoSegmentDueChecks(DynamoDbClient dynamo, String table)
    implements SegmentDueChecks {
  static final Duration KEEP = Duration.ofDays(7);

  private DueHours hours() {
    return new DueHours(dynamo, table, "DUEHOURS");
  }

  /** The re-check item of a person's segment, in the bucket of the hour it is due by. */
  static Map<String, AttributeValue> item(String profileId, String segmentId, Instant dueAt) {
    Map<String, AttributeValue> item =
        new HashMap<>(Attr.key(Keys.dueBucket(dueAt), Keys.dueCheck(profileId, segmentId)));
    item.put("profileId", Attr.s(profileId));
    item.put("segmentId", Attr.s(segmentId));
    item.put("dueAt", Attr.s(dueAt.toString()));
    item.put("ttl", Attr.n(dueAt.plus(KEEP).getEpochSecond()));
    return item;
  }

  @Override
  public void schedule(String profileId, String segmentId, Instant dueAt) {
    Map<String, AttributeValue> item = item(profileId, segmentId, dueAt);
    dynamo.putItem(r -> r.tableName(table).item(item));
    hours().mark(sweepHour(dueAt));
    dynamo.updateItem(
        r ->
            r.tableName(table)
                .key(Attr.key(Keys.profile(profileId), Keys.segmentMembership(segmentId)))
                .updateExpression("SET dueAt = :d, segmentId = :s")
                .expressionAttributeValues(
                    Map.of(":d", Attr.s(dueAt.toString()), ":s", Attr.s(segmentId))));
  }

  @Override
  public Optional<Instant> nextDueHour(Instant from) {
    return hours().next(from);
  }

  /** The hour whose sweep runs a check due at {@code dueAt} (the bucket's hour). */
  private static Instant sweepHour(Instant dueAt) {
    Instant hour = dueAt.truncatedTo(ChronoUnit.HOURS);
    return hour.equals(dueAt) ? hour : hour.plusSeconds(3600);
  }

  @Override
  public List<DueCheck> dueBy(Instant at) {
    List<DueCheck> due = new ArrayList<>();
    String bucket = Keys.dueBucket(at.truncatedTo(ChronoUnit.HOURS));
    for (Map<String, AttributeValue> item : Queries.partition(dynamo, table, bucket)) {
      Instant dueAt = Instant.parse(Attr.string(item, "dueAt"));
      if (!dueAt.isAfter(at)) {
        due.add(
            new DueCheck(Attr.string(item, "profileId"), Attr.string(item, "segmentId"), dueAt));
      }
    }
    return due;
  }

  @Override
  public void done(DueCheck check) {
    // when the condition fails it was re-scheduled for another time in the same hour: keep it
    Conditions.deleteIf(
        dynamo,
        r ->
            r.tableName(table)
                .key(
                    Attr.key(
                        Keys.dueBucket(check.dueAt()),
                        Keys.dueCheck(check.profileId(), check.segmentId())))
                .conditionExpression("dueAt = :d")
                .expressionAttributeValues(Map.of(":d", Attr.s(check.dueAt().toString()))));
  }
}
