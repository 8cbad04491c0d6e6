package dev.waymark.aws.dynamo;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A person's wait marker ({@code P#<id>}, {@link Keys#WAITS_SK}): for each event name a wait was
 * ever registered for, the latest expiry among those waits (epoch milliseconds, attribute {@code
 * w:<event name>}). It is written before the wait itself and only ever moves later, so a marker
 * that has no expiry for an event name at or after an event's time proves that no wait registered
 * before it was read can match that event; the router then need not query the person's waits.
 * Erased with the person's partition; folded into the survivor's on a merge.
 */
public final class WaitMarkers {
  private static final String PREFIX = "w:";

  private WaitMarkers() {}

  /**
   * Notes a wait for {@code eventName} expiring at {@code expiresAt} (a later one may be noted).
   */
  public static void note(
      DynamoDbClient dynamo, String table, String profileId, String eventName, Instant expiresAt) {
    try {
      dynamo.updateItem(
          r ->
              r.tableName(table)
                  .key(Attr.key(Keys.profile(profileId), Keys.WAITS_SK))
                  .updateExpression("SET #w = :e")
                  .conditionExpression("attribute_not_exists(#w) OR #w < :e")
                  .expressionAttributeNames(Map.of("#w", PREFIX + eventName))
                  .expressionAttributeValues(Map.of(":e", Attr.n(expiresAt.toEpochMilli()))));
    } catch (ConditionalCheckFailedException laterAlready) {
      // a wait for this event expiring later is noted already
    }
  }

  /**
   * The markers of these people, one strongly consistent {@code BatchGetItem} per {@link
   * BatchReads#MAX_BATCH_GET}: for each person asked, the latest expiry noted per event name (empty
   * for a person with no marker).
   */
  public static Map<String, Map<String, Instant>> read(
      DynamoDbClient dynamo, String table, Collection<String> profileIds) {
    Map<String, Map<String, Instant>> found = new HashMap<>();
    List<Map<String, AttributeValue>> keys =
        profileIds.stream()
            .distinct()
            .map(id -> Attr.key(Keys.profile(id), Keys.WAITS_SK))
            .toList();
    for (Map<String, AttributeValue> item : BatchReads.get(dynamo, table, keys)) {
      found.put(Keys.profileIdOf(Attr.string(item, Keys.PK)), expiries(item));
    }
    profileIds.forEach(id -> found.putIfAbsent(id, Map.of()));
    return found;
  }

  /** Notes a merged-away person's marker on the survivor's (each expiry only if later). */
  public static void fold(
      DynamoDbClient dynamo, String table, String toProfileId, Map<String, AttributeValue> item) {
    expiries(item).forEach((event, expiry) -> note(dynamo, table, toProfileId, event, expiry));
  }

  private static Map<String, Instant> expiries(Map<String, AttributeValue> item) {
    Map<String, Instant> expiries = new HashMap<>();
    item.forEach(
        (name, value) -> {
          if (name.startsWith(PREFIX) && value.n() != null) {
            expiries.put(
                name.substring(PREFIX.length()), Instant.ofEpochMilli(Long.parseLong(value.n())));
          }
        });
    return expiries;
  }
}
