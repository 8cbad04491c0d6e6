package dev.waymark.aws.segment;

import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.aws.dynamo.Queries;
import dev.waymark.core.segment.DateMarkers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Date-trait markers {@code P#<id>}/{@code D#<trait>} carrying {@code GSI1PK = D#<trait>#<date>},
 * and anniversary markers {@code P#<id>}/{@code DA#<trait>} carrying {@code GSI1PK =
 * DA#<trait>#--<mm>-<dd>}, both with {@code GSI1SK = P#<id>}: the sparse {@code DateIndex} holds
 * only them, so "whose warranty ends on day X" or "whose birthday is on 14 March" is one query on
 * one index partition. Beside them, one item per marked day ({@link Keys#markedDays}) with the
 * zones marked on it and the last mark's instant.
 */
public record DynamoDateMarkers(DynamoDbClient dynamo, String table) implements DateMarkers {
  public static final String INDEX = "DateIndex";

  @Override
  public void mark(String profileId, String trait, LocalDate date, String zone, Instant at) {
    String pk = Keys.profile(profileId);
    if (date == null) {
      dynamo.deleteItem(r -> r.tableName(table).key(Attr.key(pk, Keys.dateMarker(trait))));
      dynamo.deleteItem(r -> r.tableName(table).key(Attr.key(pk, Keys.anniversaryMarker(trait))));
      return;
    }
    Map<String, AttributeValue> marker = item(profileId, trait, date);
    marker.put("zone", Attr.s(zone.isEmpty() ? "default" : zone));
    try {
      // an identify repeating the same date (SDKs send all traits each time) costs this one write
      dynamo.putItem(
          r ->
              r.tableName(table)
                  .item(marker)
                  .conditionExpression("attribute_not_exists(#z) OR #d <> :d OR #z <> :z")
                  .expressionAttributeNames(Map.of("#d", "date", "#z", "zone"))
                  .expressionAttributeValues(
                      Map.of(":d", marker.get("date"), ":z", marker.get("zone"))));
    } catch (ConditionalCheckFailedException unchanged) {
      return; // the same date and zone: the anniversary marker and the day notes are written
    }
    Map<String, AttributeValue> anniversary =
        new HashMap<>(Attr.key(pk, Keys.anniversaryMarker(trait)));
    anniversary.put(Keys.GSI1PK, Attr.s(Keys.anniversaryIndex(trait, MonthDay.from(date))));
    anniversary.put(Keys.GSI1SK, Attr.s(pk));
    dynamo.putItem(r -> r.tableName(table).item(anniversary));
    markDay(Keys.markedDays(trait, false), date.toString(), zone, at);
    markDay(Keys.markedDays(trait, true), MonthDay.from(date).toString(), zone, at);
  }

  private void markDay(String pk, String day, String zone, Instant at) {
    dynamo.updateItem(
        r ->
            r.tableName(table)
                .key(Attr.key(pk, day))
                .updateExpression("ADD zones :z SET lastMarked = :t")
                .expressionAttributeValues(
                    Map.of(
                        ":z",
                        AttributeValue.fromSs(List.of(zone.isEmpty() ? "default" : zone)),
                        ":t",
                        Attr.s(at.toString()))));
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
  public Set<String> markedTraits(String profileId) {
    return Queries.withPrefix(dynamo, table, Keys.profile(profileId), Keys.dateMarker("")).stream()
        .map(i -> Attr.string(i, Keys.SK).substring(Keys.dateMarker("").length()))
        .collect(Collectors.toSet());
  }

  @Override
  public List<String> profilesOn(String trait, LocalDate date) {
    return onIndex(Keys.dateIndex(trait, date));
  }

  @Override
  public List<String> profilesOnAnniversary(String trait, MonthDay day) {
    return onIndex(Keys.anniversaryIndex(trait, day));
  }

  private List<String> onIndex(String key) {
    return Queries.all(
            dynamo,
            r ->
                r.tableName(table)
                    .indexName(INDEX)
                    .keyConditionExpression(Keys.GSI1PK + " = :d")
                    .expressionAttributeValues(Map.of(":d", Attr.s(key))))
        .stream()
        .map(i -> Keys.profileIdOf(Attr.string(i, Keys.GSI1SK)))
        .toList();
  }

  @Override
  public List<MarkedDay<LocalDate>> markedDates(String trait, LocalDate from, int limit) {
    return dynamo
        .query(
            r ->
                r.tableName(table)
                    .consistentRead(true)
                    .limit(limit)
                    .keyConditionExpression(Keys.PK + " = :pk AND " + Keys.SK + " >= :from")
                    .expressionAttributeValues(
                        Map.of(
                            ":pk",
                            Attr.s(Keys.markedDays(trait, false)),
                            ":from",
                            Attr.s(from.toString()))))
        .items()
        .stream()
        // an item of an older release (sort key yyyy-mm-ddTHH, no zones) counts as a UTC day
        .map(i -> marked(i, sk -> LocalDate.parse(sk.substring(0, 10))))
        .toList();
  }

  @Override
  public List<MarkedDay<MonthDay>> markedAnniversaries(String trait) {
    return Queries.partition(dynamo, table, Keys.markedDays(trait, true)).stream()
        .map(i -> marked(i, MonthDay::parse))
        .toList();
  }

  private static <D> MarkedDay<D> marked(
      Map<String, AttributeValue> item, Function<String, D> day) {
    AttributeValue zones = item.get("zones");
    Set<String> names = new LinkedHashSet<>();
    if (zones == null || !zones.hasSs()) {
      names.add("UTC");
    } else {
      zones.ss().forEach(z -> names.add(z.equals("default") ? "" : z));
    }
    String last = Attr.string(item, "lastMarked");
    return new MarkedDay<>(
        day.apply(Attr.string(item, Keys.SK)),
        names,
        last == null ? Instant.EPOCH : Instant.parse(last));
  }
}
