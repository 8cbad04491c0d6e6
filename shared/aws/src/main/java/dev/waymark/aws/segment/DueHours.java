package dev.waymark.aws.segment;

import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.Keys;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The hours that hold due work, as one small item per hour in one partition ({@code <partition>}/
 * {@code yyyy-mm-ddTHH}): written (idempotently) with the work, read to find the next hour that has
 * any ({@link #next}, one query of one item), so a scheduler can run the sweep of that hour instead
 * of every hour. A marked hour whose work was done or moved costs one empty sweep. Items expire a
 * week after their hour.
 */
record DueHours(DynamoDbClient dynamo, String table, String partition) {
  private static final Duration KEEP = Duration.ofDays(7);

  /** Marks the hour {@code bucketHour} (an hour, as the buckets name it) as holding work. */
  void mark(Instant bucketHour) {
    Map<String, AttributeValue> item = new HashMap<>(Attr.key(partition, text(bucketHour)));
    item.put("ttl", Attr.n(bucketHour.plus(KEEP).getEpochSecond()));
    dynamo.putItem(r -> r.tableName(table).item(item));
  }

  /** The first marked hour at or after the hour of {@code from} (rounded up), if any. */
  Optional<Instant> next(Instant from) {
    Instant hour = from.truncatedTo(ChronoUnit.HOURS);
    String first = text(hour.equals(from) ? hour : hour.plus(Duration.ofHours(1)));
    return dynamo
        .query(
            r ->
                r.tableName(table)
                    .consistentRead(true)
                    .limit(1)
                    .keyConditionExpression(Keys.PK + " = :pk AND " + Keys.SK + " >= :from")
                    .expressionAttributeValues(
                        Map.of(":pk", Attr.s(partition), ":from", Attr.s(first))))
        .items()
        .stream()
        .findFirst()
        .map(item -> Instant.parse(Attr.string(item, Keys.SK) + ":00:00Z"));
  }

  private static String text(Instant hour) {
    return hour.truncatedTo(ChronoUnit.HOURS).toString().substring(0, 13);
  }
}
