package dev.waymark.aws.dynamo;

import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@link ProfileStore} on the Waymark table. Each method is one DynamoDB transaction whose
 * conditions hold exactly when nothing it read has changed since.
 */
public final class DynamoProfileStore implements ProfileStore {
  /** DynamoDB's limit on actions in one transaction. */
  static final int MAX_TRANSACTION_ITEMS = 100;

  private static final String LIVE_AT_VERSION = "#v = :v AND #st = :live";
  private static final int MOVE_BATCH = 25;

  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;
  private final Duration eventRetention;

  public DynamoProfileStore(
      DynamoDbClient dynamo, String table, Clock clock, Duration eventRetention) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
    this.eventRetention = eventRetention;
  }

  @Override
  public Optional<String> profileIdOf(Identity identity) {
    return get(Keys.identity(identity), Keys.IDENTITY_SK).map(i -> Attr.string(i, "profileId"));
  }

  @Override
  public Optional<Profile> find(String profileId) {
    return get(Keys.profile(profileId), Keys.PROFILE_SK).map(ProfileItems::fromItem);
  }

  @Override
  public void create(Profile profile, InboundEvent firstEvent) {
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(
        TransactWriteItem.builder()
            .put(
                Put.builder()
                    .tableName(table)
                    .item(ProfileItems.toItem(profile))
                    .conditionExpression("attribute_not_exists(PK)")
                    .build())
            .build());
    profile.identities().forEach(id -> writes.add(claim(id, profile.id())));
    writes.add(eventPut(profile.id(), firstEvent));
    Conditions.guard("create profile", () -> transact(writes));
  }

  @Override
  public void attach(Profile updated, Iterable<Identity> added) {
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(versionedPut(updated));
    added.forEach(id -> writes.add(claim(id, updated.id())));
    Conditions.guard("attach identities", () -> transact(writes));
  }

  @Override
  public void merge(Profile survivor, Profile loserRedirect) {
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(versionedPut(survivor));
    writes.add(versionedPut(loserRedirect));
    for (Identity id : loserRedirect.identities()) {
      writes.add(
          TransactWriteItem.builder()
              .update(
                  Update.builder()
                      .tableName(table)
                      .key(Attr.key(Keys.identity(id), Keys.IDENTITY_SK))
                      .updateExpression("SET profileId = :to")
                      .conditionExpression("profileId = :from")
                      .expressionAttributeValues(
                          Map.of(":to", Attr.s(survivor.id()), ":from", Attr.s(loserRedirect.id())))
                      .build())
              .build());
    }
    if (writes.size() > MAX_TRANSACTION_ITEMS) {
      throw new IllegalStateException(
          "profile "
              + loserRedirect.id()
              + " has "
              + loserRedirect.identities().size()
              + " identities; a merge moves at most "
              + (MAX_TRANSACTION_ITEMS - 2));
    }
    Conditions.guard("merge profiles", () -> transact(writes));
  }

  @Override
  public void moveRecords(String fromProfileId, String toProfileId) {
    Map<String, AttributeValue> start = null;
    do {
      QueryResponse page = dynamo.query(recordsOf(fromProfileId, start));
      List<TransactWriteItem> writes = new ArrayList<>();
      for (Map<String, AttributeValue> item : page.items()) {
        if (Keys.PROFILE_SK.equals(Attr.string(item, Keys.SK))) {
          continue;
        }
        Map<String, AttributeValue> moved = new HashMap<>(item);
        moved.put(Keys.PK, Attr.s(Keys.profile(toProfileId)));
        boolean survivorKeepsOwn =
            Attr.string(item, Keys.SK).startsWith(Keys.MEMBERSHIP_PREFIX) && exists(moved);
        if (!survivorKeepsOwn) {
          writes.add(
              TransactWriteItem.builder()
                  .put(Put.builder().tableName(table).item(moved).build())
                  .build());
        }
        writes.add(
            TransactWriteItem.builder()
                .delete(
                    Delete.builder()
                        .tableName(table)
                        .key(Attr.key(Attr.string(item, Keys.PK), Attr.string(item, Keys.SK)))
                        .build())
                .build());
      }
      if (!writes.isEmpty()) {
        transact(writes);
      }
      start =
          page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
              ? page.lastEvaluatedKey()
              : null;
    } while (start != null);
  }

  private boolean exists(Map<String, AttributeValue> item) {
    return get(Attr.string(item, Keys.PK), Attr.string(item, Keys.SK)).isPresent();
  }

  /** A strongly consistent read of one item. */
  private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
    Map<String, AttributeValue> item =
        dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(Attr.key(pk, sk))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }

  private QueryRequest recordsOf(String profileId, Map<String, AttributeValue> start) {
    return QueryRequest.builder()
        .tableName(table)
        .consistentRead(true)
        .limit(MOVE_BATCH)
        .keyConditionExpression("PK = :pk")
        .expressionAttributeValues(Map.of(":pk", Attr.s(Keys.profile(profileId))))
        .exclusiveStartKey(start)
        .build();
  }

  @Override
  public void update(Profile updated) {
    Conditions.guard("update profile", () -> transact(List.of(versionedPut(updated))));
  }

  @Override
  public boolean record(Profile updated, InboundEvent event) {
    List<TransactWriteItem> writes = List.of(eventPut(updated.id(), event), versionedPut(updated));
    try {
      transact(writes);
      return true;
    } catch (TransactionCanceledException e) {
      if (Conditions.onlyConditionAt(e, 0)) {
        return false;
      }
      return Conditions.guard(
          "record event",
          () -> {
            throw e;
          });
    }
  }

  private void transact(List<TransactWriteItem> writes) {
    dynamo.transactWriteItems(r -> r.transactItems(writes));
  }

  private TransactWriteItem versionedPut(Profile next) {
    return TransactWriteItem.builder()
        .put(
            Put.builder()
                .tableName(table)
                .item(ProfileItems.toItem(next))
                .conditionExpression(LIVE_AT_VERSION)
                .expressionAttributeNames(Map.of("#v", "version", "#st", "status"))
                .expressionAttributeValues(
                    Map.of(":v", Attr.n(next.version() - 1), ":live", Attr.s("live")))
                .build())
        .build();
  }

  private TransactWriteItem claim(Identity identity, String profileId) {
    Map<String, AttributeValue> item =
        new HashMap<>(Attr.key(Keys.identity(identity), Keys.IDENTITY_SK));
    item.put("profileId", Attr.s(profileId));
    item.put("namespace", Attr.s(identity.namespace().key()));
    item.put("createdAt", Attr.s(clock.instant().toString()));
    return Conditions.putIfAbsent(table, item);
  }

  private TransactWriteItem eventPut(String profileId, InboundEvent event) {
    Map<String, AttributeValue> item =
        new HashMap<>(
            Attr.key(Keys.profile(profileId), Keys.event(event.timestamp(), event.messageId())));
    item.put("messageId", Attr.s(event.messageId()));
    item.put("name", Attr.s(event.name()));
    item.put("type", Attr.s(event.type().wireName()));
    item.put("event", Attr.s(event.toStoredJson()));
    item.put("ttl", Attr.n(clock.instant().plus(eventRetention).getEpochSecond()));
    return Conditions.putIfAbsent(table, item);
  }
}
