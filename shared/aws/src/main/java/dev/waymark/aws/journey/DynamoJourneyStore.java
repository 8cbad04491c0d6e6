package dev.waymark.aws.journey;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.BatchReads;
import dev.waymark.aws.dynamo.Conditions;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.aws.dynamo.Queries;
import dev.waymark.aws.dynamo.Transactions;
import dev.waymark.aws.dynamo.WaitMarkers;
import dev.waymark.core.journey.EventMatcher;
import dev.waymark.core.journey.JourneyCounter;
import dev.waymark.core.journey.JourneyRun;
import dev.waymark.core.journey.JourneyStore;
import dev.waymark.core.journey.Membership;
import dev.waymark.core.journey.TraceEntry;
import dev.waymark.core.journey.WaitRegistration;
import dev.waymark.core.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** {@link JourneyStore} on the Waymark table; keys in {@link Keys} and docs/data-model.md. */
public record DynamoJourneyStore(DynamoDbClient dynamo, String table) implements JourneyStore {
  static final int COUNTER_SHARDS = 10;
  private static final Duration TRACE_RETENTION = Duration.ofDays(400);

  /** DynamoDB's limit on the items of one transaction. */
  static final int MAX_TRANSACTION = 100;

  @Override
  public Membership membership(String journeyId, String profileId) {
    Map<String, AttributeValue> item = get(Keys.profile(profileId), Keys.membership(journeyId));
    return item == null
        ? Membership.none(journeyId, profileId)
        : membership(item, journeyId, profileId);
  }

  /** One strongly consistent BatchGetItem per {@link BatchReads#MAX_BATCH_GET} people. */
  @Override
  public Map<String, Membership> memberships(String journeyId, Collection<String> profileIds) {
    Map<String, Membership> found = new HashMap<>();
    List<Map<String, AttributeValue>> keys =
        profileIds.stream()
            .distinct()
            .map(id -> Attr.key(Keys.profile(id), Keys.membership(journeyId)))
            .toList();
    for (Map<String, AttributeValue> item : BatchReads.get(dynamo, table, keys)) {
      String profileId = Keys.profileIdOf(Attr.string(item, Keys.PK));
      found.put(profileId, membership(item, journeyId, profileId));
    }
    profileIds.forEach(id -> found.putIfAbsent(id, Membership.none(journeyId, id)));
    return found;
  }

  private static Membership membership(
      Map<String, AttributeValue> item, String journeyId, String profileId) {
    String locked = Attr.string(item, "lockedUntil");
    return new Membership(
        journeyId,
        profileId,
        Json.read(Attr.string(item, "entries"), new TypeReference<List<Membership.Entry>>() {}),
        locked == null ? null : Instant.parse(locked),
        Attr.number(item, "version"));
  }

  @Override
  public void saveMembership(Membership next) {
    Put put = membershipPut(next);
    Conditions.guard(
        "save membership",
        () ->
            dynamo.putItem(
                r ->
                    r.tableName(table)
                        .item(put.item())
                        .conditionExpression(put.conditionExpression())
                        .expressionAttributeValues(put.expressionAttributeValues())));
  }

  /**
   * One transaction: the membership (compare-and-set on its version), the run, the trace entry, the
   * journey version's marker and the counter; a lost condition or a conflicting transaction is a
   * {@link dev.waymark.core.store.ConcurrentChangeException} and writes nothing.
   */
  @Override
  public void enter(Membership next, JourneyRun run, TraceEntry trace, JourneyCounter counter) {
    Conditions.guard(
        "enter " + next.journeyId(),
        () ->
            dynamo.transactWriteItems(
                r ->
                    r.transactItems(
                        TransactWriteItem.builder().put(membershipPut(next)).build(),
                        put(JourneyItems.run(run)),
                        put(traceItem(trace)),
                        TransactWriteItem.builder().update(versionMarker(run)).build(),
                        TransactWriteItem.builder()
                            .update(
                                counterUpdate(table, run.journeyId(), run.version(), counter, 1))
                            .build())));
  }

  private Put membershipPut(Membership next) {
    Map<String, AttributeValue> item =
        new HashMap<>(Attr.key(Keys.profile(next.profileId()), Keys.membership(next.journeyId())));
    item.put("journeyId", Attr.s(next.journeyId()));
    item.put("entries", Attr.s(Json.write(next.entries())));
    if (next.lockedUntil() != null) {
      item.put("lockedUntil", Attr.s(next.lockedUntil().toString()));
    }
    item.put("version", Attr.n(next.version()));
    return Put.builder()
        .tableName(table)
        .item(item)
        .conditionExpression(next.version() == 1 ? "attribute_not_exists(PK)" : "version = :v")
        .expressionAttributeValues(
            next.version() == 1 ? null : Map.of(":v", Attr.n(next.version() - 1)))
        .build();
  }

  private TransactWriteItem put(Map<String, AttributeValue> item) {
    return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build();
  }

  @Override
  public JourneyRun recordRun(JourneyRun run) {
    rememberVersion(run);
    try {
      dynamo.putItem(
          r ->
              r.tableName(table)
                  .item(JourneyItems.run(run))
                  .conditionExpression("attribute_not_exists(PK)"));
      return run;
    } catch (ConditionalCheckFailedException exists) {
      return JourneyItems.run(get(Keys.profile(run.profileId()), Keys.run(run.runId())));
    }
  }

  /** Each journey version that ever had a run: {@code JV#<journeyId>}/{@code V#<version>}. */
  private void rememberVersion(JourneyRun run) {
    Update u = versionMarker(run);
    dynamo.updateItem(
        r ->
            r.tableName(table)
                .key(u.key())
                .updateExpression(u.updateExpression())
                .expressionAttributeValues(u.expressionAttributeValues()));
  }

  /** Sets the version's marker; its {@code firstRunAt} stays that of the first run written. */
  private Update versionMarker(JourneyRun run) {
    return Update.builder()
        .tableName(table)
        .key(Attr.key(Keys.journeyVersions(run.journeyId()), Keys.version(run.version())))
        .updateExpression("SET version = :v, firstRunAt = if_not_exists(firstRunAt, :at)")
        .expressionAttributeValues(
            Map.of(":v", Attr.s(run.version()), ":at", Attr.s(run.startedAt().toString())))
        .build();
  }

  @Override
  public List<String> versions(String journeyId) {
    return query(Keys.journeyVersions(journeyId), Keys.VERSION_PREFIX).stream()
        .sorted(Comparator.comparing(i -> Attr.string(i, "firstRunAt")))
        .map(i -> Attr.string(i, "version"))
        .toList();
  }

  /** The run and its place on the journey's list of running runs, in one transaction. */
  @Override
  public void updateRun(JourneyRun run) {
    TransactWriteItem listed;
    if (run.status() == JourneyRun.RunStatus.running && run.executionArn() != null) {
      listed = put(JourneyItems.runningRun(run));
    } else if (!run.active()) {
      listed =
          TransactWriteItem.builder()
              .delete(
                  d ->
                      d.tableName(table)
                          .key(
                              Attr.key(
                                  Keys.journey(run.journeyId()), Keys.runningRun(run.runId()))))
              .build();
    } else {
      dynamo.putItem(r -> r.tableName(table).item(JourneyItems.run(run)));
      return;
    }
    Transactions.write(dynamo, List.of(put(JourneyItems.run(run)), listed));
  }

  @Override
  public List<JourneyRun> runningRuns(String journeyId) {
    return query(Keys.journey(journeyId), Keys.RUNNING_RUN_PREFIX).stream()
        .map(JourneyItems::runningRun)
        .toList();
  }

  @Override
  public List<JourneyRun> runs(String profileId) {
    return query(Keys.profile(profileId), Keys.RUN_PREFIX).stream()
        .map(JourneyItems::run)
        .sorted(Comparator.comparing(JourneyRun::startedAt))
        .toList();
  }

  @Override
  public void trace(TraceEntry entry) {
    try {
      dynamo.putItem(
          r ->
              r.tableName(table)
                  .item(traceItem(entry))
                  .conditionExpression("attribute_not_exists(PK)"));
    } catch (ConditionalCheckFailedException alreadyRecorded) {
      // the same decision, recorded on an earlier delivery of the same event
    }
  }

  /**
   * Up to {@link #MAX_TRANSACTION} conditional puts in one transaction each; a transaction that
   * meets a decision already recorded (a rerun) is cancelled whole, and its traces are then written
   * one by one, each still stored once.
   */
  @Override
  public void traceAll(List<TraceEntry> entries) {
    for (int i = 0; i < entries.size(); i += MAX_TRANSACTION) {
      List<TraceEntry> chunk = entries.subList(i, Math.min(entries.size(), i + MAX_TRANSACTION));
      List<TransactWriteItem> puts =
          chunk.stream().map(e -> Conditions.putIfAbsent(table, traceItem(e))).toList();
      try {
        dynamo.transactWriteItems(r -> r.transactItems(puts));
      } catch (TransactionCanceledException someAlreadyRecorded) {
        chunk.forEach(this::trace);
      }
    }
  }

  /** The trace entry (only if its key is new) and the counter, in one transaction. */
  @Override
  public void traceAndCountOnce(TraceEntry entry, String version, JourneyCounter counter) {
    try {
      Transactions.write(
          dynamo,
          List.of(
              Conditions.putIfAbsent(table, traceItem(entry)),
              TransactWriteItem.builder()
                  .update(counterUpdate(table, entry.journeyId(), version, counter, 1))
                  .build()));
    } catch (TransactionCanceledException e) {
      if (!Conditions.onlyConditionAt(e, 0)) {
        throw e;
      }
      // the same decision, traced and counted on an earlier delivery of the same event
    }
  }

  /** A trace entry's item: {@code P#<profileId>}/{@code T#<key>} (also written in transactions). */
  public static Map<String, AttributeValue> traceItem(TraceEntry entry) {
    Map<String, AttributeValue> item =
        new HashMap<>(Attr.key(Keys.profile(entry.profileId()), Keys.trace(entry.key())));
    item.put("trace", Attr.s(Json.write(entry)));
    item.put("ttl", Attr.n(entry.at().plus(TRACE_RETENTION).getEpochSecond()));
    return item;
  }

  @Override
  public List<TraceEntry> traces(String profileId) {
    return query(Keys.profile(profileId), Keys.TRACE_PREFIX).stream()
        .map(i -> Json.read(Attr.string(i, "trace"), new TypeReference<TraceEntry>() {}))
        .sorted(Comparator.comparing(TraceEntry::at))
        .toList();
  }

  /** The marker first, so no wait is ever stored that its marker does not cover. */
  @Override
  public void registerWait(WaitRegistration wait) {
    WaitMarkers.note(dynamo, table, wait.profileId(), wait.matcher().event(), wait.expiresAt());
    Map<String, AttributeValue> item =
        new HashMap<>(
            Attr.key(
                Keys.profile(wait.profileId()),
                Keys.waitFor(wait.matcher().event(), wait.runId(), wait.stepId())));
    item.put("wait", Attr.s(Json.write(wait)));
    item.put("runId", Attr.s(wait.runId()));
    item.put("ttl", Attr.n(wait.expiresAt().plus(Duration.ofDays(1)).getEpochSecond()));
    dynamo.putItem(r -> r.tableName(table).item(item));
  }

  @Override
  public List<WaitRegistration> waitsFor(String profileId, String eventName) {
    return query(Keys.profile(profileId), Keys.waitPrefix(eventName)).stream()
        .map(i -> wait(i, profileId))
        .toList();
  }

  @Override
  public Optional<Map<String, Map<String, Instant>>> waitHorizons(Collection<String> profileIds) {
    return Optional.of(WaitMarkers.read(dynamo, table, profileIds));
  }

  @Override
  public List<WaitRegistration> waitsOfRun(String profileId, String runId) {
    return query(Keys.profile(profileId), Keys.WAIT_PREFIX).stream()
        .filter(i -> runId.equals(Attr.string(i, "runId")))
        .map(i -> wait(i, profileId))
        .toList();
  }

  /** A wait moved with a merged profile belongs to the profile whose partition holds it. */
  private static WaitRegistration wait(Map<String, AttributeValue> item, String profileId) {
    WaitRegistration stored =
        Json.read(Attr.string(item, "wait"), new TypeReference<WaitRegistration>() {});
    return new WaitRegistration(
        profileId,
        stored.runId(),
        stored.stepId(),
        stored.journeyId(),
        stored.version(),
        new EventMatcher(stored.matcher().event(), stored.matcher().filters()),
        stored.correlationField(),
        stored.correlationValue(),
        stored.taskToken(),
        stored.expiresAt());
  }

  @Override
  public boolean claimWait(WaitRegistration wait) {
    return Conditions.deleteIf(
        dynamo,
        r ->
            r.tableName(table)
                .key(
                    Attr.key(
                        Keys.profile(wait.profileId()),
                        Keys.waitFor(wait.matcher().event(), wait.runId(), wait.stepId())))
                .conditionExpression("attribute_exists(PK)"));
  }

  @Override
  public boolean markGoal(JourneyRun run, Instant at) {
    try {
      dynamo.updateItem(
          r ->
              r.tableName(table)
                  .key(Attr.key(Keys.profile(run.profileId()), Keys.run(run.runId())))
                  .updateExpression("SET goalReachedAt = :at")
                  .conditionExpression(
                      "attribute_exists(PK) AND attribute_not_exists(goalReachedAt)")
                  .expressionAttributeValues(Map.of(":at", Attr.s(at.toString()))));
      return true;
    } catch (ConditionalCheckFailedException already) {
      return false;
    }
  }

  @Override
  public void count(String journeyId, String version, JourneyCounter counter, long by) {
    Update u = counterUpdate(table, journeyId, version, counter, by);
    dynamo.updateItem(
        r ->
            r.tableName(u.tableName())
                .key(u.key())
                .updateExpression(u.updateExpression())
                .expressionAttributeNames(u.expressionAttributeNames())
                .expressionAttributeValues(u.expressionAttributeValues()));
  }

  /**
   * Adds {@code by} to a random shard of a journey version's counter (also used inside other
   * adapters' transactions, so a ledger entry and its count are written together).
   */
  public static Update counterUpdate(
      String table, String journeyId, String version, JourneyCounter counter, long by) {
    String metric = counter.name();
    int shard = ThreadLocalRandom.current().nextInt(COUNTER_SHARDS);
    return Update.builder()
        .tableName(table)
        .key(Attr.key(Keys.journeyCounters(journeyId, version), Keys.counter(metric, shard)))
        .updateExpression("ADD #n :by SET metric = :m")
        .expressionAttributeNames(Map.of("#n", "value"))
        .expressionAttributeValues(Map.of(":by", Attr.n(by), ":m", Attr.s(metric)))
        .build();
  }

  @Override
  public Map<JourneyCounter, Long> counters(String journeyId, String version) {
    Map<JourneyCounter, Long> totals = new HashMap<>();
    for (Map<String, AttributeValue> i :
        query(Keys.journeyCounters(journeyId, version), Keys.COUNTER_PREFIX)) {
      JourneyCounter.parse(Attr.string(i, "metric"))
          .ifPresent(counter -> totals.merge(counter, Attr.number(i, "value"), Long::sum));
    }
    return totals;
  }

  private Map<String, AttributeValue> get(String pk, String sk) {
    Map<String, AttributeValue> item =
        dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(Attr.key(pk, sk))).item();
    return item == null || item.isEmpty() ? null : item;
  }

  private List<Map<String, AttributeValue>> query(String pk, String prefix) {
    return Queries.withPrefix(dynamo, table, pk, prefix);
  }
}
