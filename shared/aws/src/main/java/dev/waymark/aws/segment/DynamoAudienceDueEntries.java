package dev.waymark.aws.segment;

import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.BatchWrites;
import dev.waymark.aws.dynamo.Queries;
import dev.waymark.core.segment.AudienceDueEntries;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Audience-schedule entries waiting for their hour, as items in hour buckets ({@code
 * AUDDUE#<yyyy-mm-ddTHH>}/{@code <scheduleId>#<profileId>}); the hours that hold any are marked in
 * {@code AUDDUEHOURS} ({@link DueHours}). Items expire a week after their hour.
 */
public record DynamoAudienceDueEntries(DynamoDbClient dynamo, String table)
    implements AudienceDueEntries {
  private static final Duration KEEP = Duration.ofDays(7);

  private DueHours hours() {
    return new DueHours(dynamo, table, "AUDDUEHOURS");
  }

  private static String bucket(Instant hour) {
    return "AUDDUE#" + hour.truncatedTo(ChronoUnit.HOURS).toString().substring(0, 13);
  }

  @Override
  public void schedule(DueEntry entry) {
    dynamo.putItem(r -> r.tableName(table).item(item(entry)));
    hours().mark(entry.hour());
  }

  /** BatchWriteItem, 25 at a time (retrying what comes back unprocessed); each hour marked once. */
  @Override
  public void scheduleAll(List<DueEntry> entries) {
    BatchWrites.write(
        dynamo,
        table,
        entries.stream()
            .map(e -> WriteRequest.builder().putRequest(p -> p.item(item(e))).build())
            .toList());
    entries.stream().map(DueEntry::hour).distinct().forEach(hours()::mark);
  }

  /** BatchWriteItem deletes, 25 at a time: a run's entries go in a few calls, not one each. */
  @Override
  public void doneAll(List<DueEntry> entries) {
    BatchWrites.write(
        dynamo,
        table,
        entries.stream()
            .map(e -> WriteRequest.builder().deleteRequest(d -> d.key(key(e))).build())
            .toList());
  }

  private static Map<String, AttributeValue> key(DueEntry entry) {
    return Attr.key(bucket(entry.hour()), entry.scheduleId() + "#" + entry.profileId());
  }

  private static Map<String, AttributeValue> item(DueEntry entry) {
    Map<String, AttributeValue> item = new HashMap<>(key(entry));
    item.put("scheduleId", Attr.s(entry.scheduleId()));
    item.put("profileId", Attr.s(entry.profileId()));
    item.put("entryKey", Attr.s(entry.entryKey()));
    item.put("hour", Attr.s(entry.hour().toString()));
    item.put("ttl", Attr.n(entry.hour().plus(KEEP).getEpochSecond()));
    return item;
  }

  @Override
  public List<DueEntry> dueAt(Instant hour) {
    return Queries.partition(dynamo, table, bucket(hour)).stream()
        .map(
            item ->
                new DueEntry(
                    Attr.string(item, "scheduleId"),
                    Attr.string(item, "profileId"),
                    Attr.string(item, "entryKey"),
                    Instant.parse(Attr.string(item, "hour"))))
        .toList();
  }

  @Override
  public void done(DueEntry entry) {
    dynamo.deleteItem(r -> r.tableName(table).key(key(entry)));
  }

  @Override
  public Optional<Instant> nextDueHour(Instant from) {
    return hours().next(from);
  }
}
