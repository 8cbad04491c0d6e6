package dev.waymark.aws.dynamo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.aws.deadletter.DynamoDeadLetterStore;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.json.Json;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.profile.ErasureReport;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileRecords;
import dev.waymark.core.profile.ProfileStore;
import dev.waymark.core.store.Page;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Timelines and erasure on the Waymark table. */
public final class DynamoProfileRecords implements ProfileRecords {
  private static final String CURSOR_PREFIX = Keys.EVENT_PREFIX;

  private final DynamoDbClient dynamo;
  private final String table;
  private final MembershipEraser memberships;
  private final ProfileStore profiles;
  private final Clock clock;

  public DynamoProfileRecords(
      DynamoDbClient dynamo,
      String table,
      ProfileStore profiles,
      MembershipEraser memberships,
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
    Map<String, AttributeValue> start = cursor == null ? null : Attr.key(pk, decodeCursor(cursor));
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
    List<ObjectNode> events = shown.stream().map(DynamoDeadLetterStore::timelineEntry).toList();
    String next = more ? encodeCursor(Attr.string(shown.get(limit - 1), Keys.SK)) : null;
    return new Page<>(events, next);
  }

  private static String encodeCursor(String sk) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(sk.getBytes(StandardCharsets.UTF_8));
  }

  private static String decodeCursor(String cursor) {
    try {
      String sk = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!sk.startsWith(CURSOR_PREFIX)) {
        throw new IllegalArgumentException(sk);
      }
      return sk;
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField("cursor", "not a cursor this API issued");
    }
  }

  /**
   * Erases a person: every item in the profile's partition and in those of the profiles merged into
   * it, their identity items, and the personal payload of their inbox items (the messageId stays,
   * so a replayed event is still recognised). The profile item goes last, so an erasure that stops
   * half-way can simply be repeated. Only counts are kept, in an audit item.
   */
  @Override
  public ErasureReport erase(Profile profile) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    List<String> ids = new ArrayList<>(profile.mergedFrom());
    ids.add(profile.id());
    for (String id : ids) {
      profiles
          .find(id)
          .ifPresent(p -> p.identities().forEach(identity -> deleteIdentity(identity, id, counts)));
      erasePartition(id, counts);
    }
    ErasureReport report = new ErasureReport(UUID.randomUUID().toString(), clock.instant(), counts);
    writeAudit(report);
    return report;
  }

  private void deleteIdentity(Identity identity, String profileId, Map<String, Integer> counts) {
    try {
      dynamo.deleteItem(
          r ->
              r.tableName(table)
                  .key(Attr.key(Keys.identity(identity), Keys.IDENTITY_SK))
                  .conditionExpression("profileId = :p")
                  .expressionAttributeValues(Map.of(":p", Attr.s(profileId))));
      counts.merge("identities", 1, Integer::sum);
    } catch (ConditionalCheckFailedException repointed) {
      // the identity now belongs to the surviving profile and is erased with it
    }
  }

  private void erasePartition(String profileId, Map<String, Integer> counts) {
    String pk = Keys.profile(profileId);
    List<Map<String, AttributeValue>> items = Queries.partition(dynamo, table, pk);
    Map<String, AttributeValue> profileItem = null;
    for (Map<String, AttributeValue> item : items) {
      String sk = Attr.string(item, Keys.SK);
      if (Keys.PROFILE_SK.equals(sk)) {
        profileItem = item;
        continue;
      }
      if (sk.startsWith(Keys.EVENT_PREFIX)) {
        scrubInbox(Attr.string(item, "messageId"));
      }
      if (sk.startsWith(Keys.SEGMENT_PREFIX)) {
        memberships.erase(profileId, item); // index, counter, due check
      }
      dynamo.deleteItem(r -> r.tableName(table).key(Attr.key(pk, sk)));
      counts.merge(kindOf(sk), 1, Integer::sum);
    }
    if (profileItem != null) {
      dynamo.deleteItem(r -> r.tableName(table).key(Attr.key(pk, Keys.PROFILE_SK)));
      counts.merge("profiles", 1, Integer::sum);
    }
  }

  private void scrubInbox(String messageId) {
    if (messageId == null) {
      return;
    }
    try {
      dynamo.updateItem(
          r ->
              r.tableName(table)
                  .key(Attr.key(Keys.inbox(messageId), Keys.INBOX_SK))
                  .updateExpression("REMOVE payload")
                  .conditionExpression("attribute_exists(PK)"));
    } catch (ConditionalCheckFailedException expired) {
      // the inbox item already expired: nothing personal is left there
    }
  }

  private static String kindOf(String sk) {
    if (sk.startsWith(Keys.EVENT_PREFIX)) {
      return "events";
    }
    if (sk.startsWith(Keys.MESSAGE_PREFIX)) {
      return "messages";
    }
    if (sk.startsWith(Keys.ACCOUNT_PREFIX)) {
      return "accountLinks"; // the shared account item itself stays
    }
    return "other";
  }

  private void writeAudit(ErasureReport report) {
    Map<String, AttributeValue> item =
        new HashMap<>(
            Attr.key(
                Keys.ERASURE_AUDIT_PK, Keys.erasureAudit(report.erasedAt(), report.erasureId())));
    item.put("erasureId", Attr.s(report.erasureId()));
    item.put("erasedAt", Attr.s(report.erasedAt().toString()));
    item.put("counts", Attr.s(Json.write(report.counts())));
    dynamo.putItem(r -> r.tableName(table).item(item));
  }
}
