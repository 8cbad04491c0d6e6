package dev.waymark.aws.segment;

import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.aws.dynamo.Queries;
import dev.waymark.core.segment.DateMarkers;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Date-trait markers {@code P#<id>}/{@code D#<trait>} carrying {@code GSI1PK = D#<trait>#<date>}
 * and {@code GSI1SK = P#<id>}: the sparse {@code DateIndex} holds only them, so "whose lease ends
 * on day X" is one query on one index partition.
 */
public record DynamoDateMarkers(DynamoDbClient dynamo, String table) implements DateMarkers {
  public static final String INDEX = "DateIndex";

  @Override
  public void mark(String profileId, String trait, LocalDate date) {
    Map<String, AttributeValue> key = Attr.key(Keys.profile(profileId), Keys.dateMarker(trait));
    if (date == null) {
      dynamo.deleteItem(r -> r.tableName(table).key(key));
      return;
    }
    dynamo.putItem(r -> r.tableName(table).item(item(profileId, trait, date)));
    days(trait).mark(date.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /** The dates markers were written for, one item per day ({@link DueHours}). */
  private DueHours days(String trait) {
    return new DueHours(dynamo, table, "DATEDAYS#" + trait);
  }

  @Override
  public Optional<LocalDate> nextMarkedDate(String trait, LocalDate from) {
    return days(trait)
        .next(from.atStartOfDay(ZoneOffset.UTC).toInstant())
        .map(day -> day.atZone(ZoneOffset.UTC).toLocalDate());
  }

  /** The marker item (the benchmark writes these directly). */
  public static Map<String, AttributeValue> item(String profileId, String trait, LocalDate date) {
    Map<String, AttributeValue> item =
        new HashMap<>(Attr.key(Keys.profile(profileId), Keys.dateMarker(trait)));
    item.put(Keys.GSI1PK, Attr.s(Keys.dateIndex(trait, date)));
    item.put(Keys.GSI1SK, Attr.s(Keys.profile(profileId)));
    item.put("date", Attr.s(date.toString()));
    return item;
  }

  @Override
  public List<String> profilesOn(String trait, LocalDate date) {
    return Queries.all(
            dynamo,
            r ->
                r.tableName(table)
                    .indexName(INDEX)
                    .keyConditionExpression(Keys.GSI1PK + " = :d")
                    .expressionAttributeValues(Map.of(":d", Attr.s(Keys.dateIndex(trait, date)))))
        .stream()
        .map(i -> Keys.profileIdOf(Attr.string(i, Keys.GSI1SK)))
        .toList();
  }
}
