package dev.waymark.aws.dynamo;

import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.identity.Identity;
import dev.waymark.core.json.Json;
import dev.waymark.core.profile.ProcessingNote;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileStore;
import dev.waymark.core.store.ConcurrentChangeException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@link ProfileStore} on the Waymark table. Each method but {@link #moveRecords} is one DynamoDB
 * transaction whose conditions hold exactly when nothing it read has changed since; moving a
 * merged-away profile's identities and records takes as many idempotent transactions as needed.
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
  private final SegmentMembershipItems memberships;
  private final GroupedTransactions transactions;
  private final GroupedReads profileReads;

  public DynamoProfileStore(
      DynamoDbClient dynamo,
      String table,
      Clock clock,
      Duration eventRetention,
      SegmentMembershipItems memberships) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
    this.eventRetention = eventRetention;
    this.memberships = memberships;
    this.transactions = new GroupedTransactions(dynamo);
    this.profileReads = new GroupedReads(dynamo, table);
  }

  @Override
  public Optional<String> profileIdOf(Identity identity) {
    return get(Keys.identity(identity), Keys.IDENTITY_SK).map(i -> Attr.string(i, "profileId"));
  }

  @Override
  public Optional<Profile> find(String profileId) {
    return get(Keys.profile(profileId), Keys.PROFILE_SK).map(ProfileItems::fromItem);
  }

  /** One strongly consistent BatchGetItem per {@link BatchReads#MAX_BATCH_GET} identities. */
  @Override
  public Map<Identity, String> profileIdsOf(Collection<Identity> identities) {
    Map<String, Identity> byKey = new HashMap<>();
    identities.forEach(id -> byKey.put(Keys.identity(id), id));
    Map<Identity, String> found = new HashMap<>();
    for (Map<String, AttributeValue> item : batchGet(byKey.keySet(), Keys.IDENTITY_SK)) {
      found.put(byKey.get(Attr.string(item, Keys.PK)), Attr.string(item, "profileId"));
    }
    return found;
  }

  /** One strongly consistent BatchGetItem per {@link BatchReads#MAX_BATCH_GET} profiles. */
  @Override
  public Map<String, Profile> findAll(Collection<String> profileIds) {
    Map<String, Profile> found = new HashMap<>();
    List<String> keys = profileIds.stream().map(Keys::profile).distinct().toList();
    for (Map<String, AttributeValue> item : batchGet(keys, Keys.PROFILE_SK)) {
      Profile profile = ProfileItems.fromItem(item);
      found.put(profile.id(), profile);
    }
    return found;
  }

  /** The items stored under these partition keys and one sort key, unprocessed keys retried. */
  private List<Map<String, AttributeValue>> batchGet(Collection<String> pks, String sk) {
    return BatchReads.get(dynamo, table, pks.stream().map(pk -> Attr.key(pk, sk)).toList());
  }

  @Override
  public void create(Profile profile, InboundEvent firstEvent, List<ProcessingNote> notes) {
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
    writes.add(eventPut(profile.id(), firstEvent, notes));
    Conditions.guard("create profile", () -> transact(writes));
  }

  @Override
  public void attach(Profile updated, Iterable<Identity> added) {
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(versionedPut(updated));
    added.forEach(id -> writes.add(claim(id, updated.id())));
    Conditions.guard("attach identities", () -> transact(writes));
  }

  /**
   * Two conditional puts, whatever the loser's size: its identities move in {@link #moveRecords}.
   */
  @Override
  public void merge(Profile survivor, Profile loserRedirect) {
    Conditions.guard(
        "merge profiles",
        () -> transact(List.of(versionedPut(survivor), versionedPut(loserRedirect))));
  }

  @Override
  public void moveRecords(String fromProfileId, String toProfileId) {
    find(fromProfileId)
        .ifPresent(from -> repointIdentities(from.identities(), fromProfileId, toProfileId));
    // the survivor's wait marker covers the merged-away person's waits before any of them moves
    get(Keys.profile(fromProfileId), Keys.WAITS_SK)
        .ifPresent(marker -> WaitMarkers.fold(dynamo, table, toProfileId, marker));
    Map<String, AttributeValue> start = null;
    do {
      QueryResponse page = dynamo.query(recordsOf(fromProfileId, start));
      List<TransactWriteItem> writes = new ArrayList<>();
      for (Map<String, AttributeValue> item : page.items()) {
        String sk = Attr.string(item, Keys.SK);
        if (Keys.PROFILE_SK.equals(sk)) {
          continue;
        }
        if (sk.startsWith(Keys.SEGMENT_PREFIX)) {
          memberships.move(fromProfileId, toProfileId, item);
          continue;
        }
        if (Keys.WAITS_SK.equals(sk)) {
          // folded into the survivor's marker before anything moved; it must not replace it
          writes.add(
              TransactWriteItem.builder()
                  .delete(
                      Delete.builder()
                          .tableName(table)
                          .key(Attr.key(Keys.profile(fromProfileId), sk))
                          .build())
                  .build());
          continue;
        }
        Map<String, AttributeValue> moved = new HashMap<>(item);
        moved.put(Keys.PK, Attr.s(Keys.profile(toProfileId)));
        boolean survivorKeepsOwn = sk.startsWith(Keys.MEMBERSHIP_PREFIX) && exists(moved);
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
                        .key(Attr.key(Attr.string(item, Keys.PK), sk))
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

  /**
   * Points a merged-away profile's identities at the survivor, {@link #MAX_TRANSACTION_ITEMS} per
   * transaction. Each update holds when the identity points at either profile, so a chunk repeated
   * after a crash (or by a concurrent mover) just holds again. A chunk cancelled because some
   * identity points elsewhere (erased meanwhile) is repeated item by item, skipping those.
   */
  private void repointIdentities(Collection<Identity> identities, String from, String to) {
    List<Identity> all = List.copyOf(identities);
    for (int i = 0; i < all.size(); i += MAX_TRANSACTION_ITEMS) {
      List<TransactWriteItem> chunk =
          all.subList(i, Math.min(all.size(), i + MAX_TRANSACTION_ITEMS)).stream()
              .map(id -> TransactWriteItem.builder().update(repoint(id, from, to)).build())
              .toList();
      try {
        transact(chunk);
      } catch (TransactionCanceledException somePointElsewhere) {
        for (TransactWriteItem one : chunk) {
          try {
            dynamo.updateItem(
                r ->
                    r.tableName(table)
                        .key(one.update().key())
                        .updateExpression(one.update().updateExpression())
                        .conditionExpression(one.update().conditionExpression())
                        .expressionAttributeValues(one.update().expressionAttributeValues()));
          } catch (ConditionalCheckFailedException pointsElsewhere) {
            // not the merged-away profile's any more: nothing to move
          }
        }
      }
    }
  }

  private Update repoint(Identity identity, String from, String to) {
    return Update.builder()
        .tableName(table)
        .key(Attr.key(Keys.identity(identity), Keys.IDENTITY_SK))
        .updateExpression("SET profileId = :to")
        .conditionExpression("profileId = :from OR profileId = :to")
        .expressionAttributeValues(Map.of(":to", Attr.s(to), ":from", Attr.s(from)))
        .build();
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
  public boolean record(Profile updated, InboundEvent event, List<ProcessingNote> notes) {
    List<TransactWriteItem> writes =
        List.of(eventPut(updated.id(), event, notes), versionedPut(updated));
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

  /**
   * The event's conditional put on its own (no transaction, no write of the profile), then a
   * strongly consistent read of the profile's status ({@link GroupedReads}: with other workers'
   * reads made at the same time, one request). A merge marks the merged-away profile before it
   * reads that profile's partition to move it, so a profile still live after the put means the
   * event is where the move will find it. A profile merged away or gone by then has the event taken
   * back and the lost race reported: the event is processed again, on the live profile.
   */
  @Override
  public boolean recordUnchanged(Profile current, InboundEvent event, List<ProcessingNote> notes) {
    Map<String, AttributeValue> item = eventItem(current.id(), event, notes);
    try {
      dynamo.putItem(
          r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
    } catch (ConditionalCheckFailedException recordedBefore) {
      return false;
    }
    Optional<Map<String, AttributeValue>> profile =
        profileReads.get(Attr.key(Keys.profile(current.id()), Keys.PROFILE_SK));
    if (profile.isEmpty() || !"live".equals(Attr.string(profile.get(), "status"))) {
      dynamo.deleteItem(
          r ->
              r.tableName(table)
                  .key(Attr.key(Attr.string(item, Keys.PK), Attr.string(item, Keys.SK))));
      throw new ConcurrentChangeException(
          "record event: the profile was merged or erased while the event was processed");
    }
    return true;
  }

  /**
   * One transaction, written in one request with the transactions other workers make at the same
   * time ({@link GroupedTransactions}); it succeeds or is cancelled as if written alone.
   */
  private void transact(List<TransactWriteItem> writes) {
    transactions.write(writes);
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

  private TransactWriteItem eventPut(
      String profileId, InboundEvent event, List<ProcessingNote> notes) {
    return Conditions.putIfAbsent(table, eventItem(profileId, event, notes));
  }

  private Map<String, AttributeValue> eventItem(
      String profileId, InboundEvent event, List<ProcessingNote> notes) {
    Map<String, AttributeValue> item =
        new HashMap<>(
            Attr.key(Keys.profile(profileId), Keys.event(event.timestamp(), event.messageId())));
    item.put("messageId", Attr.s(event.messageId()));
    item.put("name", Attr.s(event.name()));
    item.put("type", Attr.s(event.type().wireName()));
    item.put("event", Attr.s(event.toStoredJson()));
    item.put("ttl", Attr.n(clock.instant().plus(eventRetention).getEpochSecond()));
    if (!notes.isEmpty()) {
      item.put(ProfileItems.NOTES, Attr.s(Json.write(notes)));
    }
    return item;
  }
}
