package dev.waymark.aws.dynamo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.aws.deadletter.DynamoDeadLetterStore;
import dev.waymark.core.json.Json;
import dev.waymark.core.profile.ErasureReport;
import dev.waymark.core.profile.ExecutionStopper;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileRecords;
import dev.waymark.core.profile.ProfileStore;
import dev.waymark.core.store.Page;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Timelines and erasure on the Waymark table. */
public final class DynamoProfileRecords implements ProfileRecords {
  private final DynamoDbClient dynamo;
  private final String table;
  private final SegmentMembershipItems memberships;
  private final ProfileStore profiles;
  private final Clock clock;

  public DynamoProfileRecords(
      DynamoDbClient dynamo,
      String table,
      ProfileStore profiles,
      SegmentMembershipItems memberships,
      Clock clock) {
    this.dynamo = dynamo;
    this.memberships = memberships;
    this.table = table;
    this.profiles = profiles;
    this.clock = clock;
  }

  @Override
  public Page<ObjectNode> timeline(String profileId, int limit, String cursor) {
    String pk = Keys.profile(profileId);
    Map<String, AttributeValue> start =
        cursor == null ? null : TimelineCursor.decode(dynamo, table, profileId, cursor);
    QueryResponse page =
        dynamo.query(
            r ->
                r.tableName(table)
                    .scanIndexForward(false)
                    .limit(limit + 1)
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :e)")
                    .expressionAttributeValues(
                        Map.of(":pk", Attr.s(pk), ":e", Attr.s(Keys.EVENT_PREFIX)))
                    .exclusiveStartKey(start));
    List<Map<String, AttributeValue>> items = page.items();
    boolean more = items.size() > limit;
    List<Map<String, AttributeValue>> shown = more ? items.subList(0, limit) : items;
    List<ObjectNode> events = shown.stream().map(DynamoProfileRecords::timelineEvent).toList();
    String next =
        more ? TimelineCursor.encode(profileId, Attr.string(shown.get(limit - 1), Keys.SK)) : null;
    return new Page<>(events, next);
  }

  /**
   * A stored event as the timeline shows it, with the notes processing left (never the sender's).
   */
  private static ObjectNode timelineEvent(Map<String, AttributeValue> item) {
    ObjectNode event = DynamoDeadLetterStore.timelineEntry(item);
    event.remove(ProfileItems.NOTES_FIELD);
    String notes = Attr.string(item, ProfileItems.NOTES);
    if (notes != null) {
      event.set(ProfileItems.NOTES_FIELD, Json.parse(notes));
    }
    return event;
  }

  /** Erases a person and everything about them: see {@link PersonEraser}. */
  @Override
  public ErasureReport erase(Profile profile, ExecutionStopper runs) {
    return new PersonEraser(dynamo, table, profiles, memberships, clock, runs).erase(profile);
  }
}
