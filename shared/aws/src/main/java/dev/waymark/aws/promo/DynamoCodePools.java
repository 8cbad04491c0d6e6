package dev.waymark.aws.promo;

import dev.waymark.aws.dynamo.Attr;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.core.promo.CodePools;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Promo code pools in the table (docs/data-model.md). Per journey, {@code CODEPOOL#<journey>} holds
 * one counts item per pool ({@code POOL#<pool>}: {@code imported}, {@code given}); per pool, {@code
 * CODEPOOL#<journey>#<pool>} holds each free code as {@code F#<code>}, each given code as {@code
 * G#<code>}, and each claim as {@code K#<claim key>} (with its code).
 *
 * <p>A draw is one transaction: delete {@code F#<code>} on condition it exists, put {@code
 * G#<code>}, put {@code K#<claim>} on condition it does not exist, add 1 to {@code given}. Two
 * concurrent draws of the same free code cannot both delete it, so a code is given once, never
 * twice; the loser tries another free code. A claim key that drew before gets its code back. An
 * import puts {@code F#<code>} only where neither {@code F#} nor {@code G#} of the code exists, so
 * a code given once is never made free again.
 */
public final class DynamoCodePools implements CodePools {
  private static final int CANDIDATES = 25;
  private static final int ATTEMPTS = 50;
  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  public DynamoCodePools(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
  }

  static String journeyPools(String journeyId) {
    return "CODEPOOL#" + journeyId;
  }

  static String pool(String journeyId, String pool) {
    return "CODEPOOL#" + journeyId + "#" + pool;
  }

  @Override
  public Added add(String journeyId, String pool, List<String> codes) {
    int added = 0;
    for (String code : codes) {
      if (addOne(journeyId, pool, code)) {
        added++;
      }
    }
    PoolCounts counts =
        counts(journeyId, pool)
            .orElseGet(
                () -> {
                  createCounts(journeyId, pool);
                  return new PoolCounts(pool, 0, 0);
                });
    return new Added(added, codes.size() - added, counts);
  }

  /** One code: free unless it is free or given already; the pool's {@code imported} + 1. */
  private boolean addOne(String journeyId, String pool, String code) {
    String pk = pool(journeyId, pool);
    try {
      dynamo.transactWriteItems(
          r ->
              r.transactItems(
                  TransactWriteItem.builder()
                      .conditionCheck(
                          c ->
                              c.tableName(table)
                                  .key(Attr.key(pk, "G#" + code))
                                  .conditionExpression("attribute_not_exists(PK)"))
                      .build(),
                  put(pk, "F#" + code, code, "importedAt", true),
                  countsUpdate(journeyId, pool, "imported")));
      return true;
    } catch (TransactionCanceledException e) {
      if (conditionFailed(e, 0) || conditionFailed(e, 1)) {
        return false;
      }
      throw e;
    }
  }

  /** A put of {@code {PK, SK, code, <when>: now}}, on condition it is new when {@code ifAbsent}. */
  private TransactWriteItem put(String pk, String sk, String code, String when, boolean ifAbsent) {
    return TransactWriteItem.builder()
        .put(
            p -> {
              p.tableName(table)
                  .item(
                      Map.of(
                          Keys.PK,
                          Attr.s(pk),
                          Keys.SK,
                          Attr.s(sk),
                          "code",
                          Attr.s(code),
                          when,
                          Attr.s(clock.instant().toString())));
              if (ifAbsent) {
                p.conditionExpression("attribute_not_exists(PK)");
              }
            })
        .build();
  }

  private TransactWriteItem countsUpdate(String journeyId, String pool, String counter) {
    return TransactWriteItem.builder()
        .update(
            u ->
                u.tableName(table)
                    .key(Attr.key(journeyPools(journeyId), "POOL#" + pool))
                    .updateExpression("ADD #c :one SET #p = :pool")
                    .expressionAttributeNames(Map.of("#c", counter, "#p", "pool"))
                    .expressionAttributeValues(Map.of(":one", Attr.n(1), ":pool", Attr.s(pool))))
        .build();
  }

  private void createCounts(String journeyId, String pool) {
    dynamo.updateItem(
        u ->
            u.tableName(table)
                .key(Attr.key(journeyPools(journeyId), "POOL#" + pool))
                .updateExpression("ADD #i :zero, #g :zero SET #p = :pool")
                .expressionAttributeNames(Map.of("#i", "imported", "#g", "given", "#p", "pool"))
                .expressionAttributeValues(Map.of(":zero", Attr.n(0), ":pool", Attr.s(pool))));
  }

  @Override
  public Optional<String> draw(String journeyId, String pool, String claimKey) {
    String pk = pool(journeyId, pool);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<String> claimed = claimed(pk, claimKey);
      if (claimed.isPresent()) {
        return claimed;
      }
      List<String> free = freeCodes(pk);
      if (free.isEmpty()) {
        return Optional.empty();
      }
      String code = free.get(ThreadLocalRandom.current().nextInt(free.size()));
      if (take(journeyId, pool, code, claimKey)) {
        return Optional.of(code);
      }
    }
    throw new IllegalStateException(
        "code pool " + pool + ": no draw succeeded after " + ATTEMPTS + " attempts (contention)");
  }

  private Optional<String> claimed(String pk, String claimKey) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                g -> g.tableName(table).key(Attr.key(pk, "K#" + claimKey)).consistentRead(true))
            .item();
    return item == null || item.isEmpty()
        ? Optional.empty()
        : Optional.ofNullable(Attr.string(item, "code"));
  }

  /** Up to {@value #CANDIDATES} free codes (one query page): the draw picks one at random. */
  private List<String> freeCodes(String pk) {
    List<String> codes = new ArrayList<>();
    dynamo
        .query(
            q ->
                q.tableName(table)
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :free)")
                    .expressionAttributeValues(Map.of(":pk", Attr.s(pk), ":free", Attr.s("F#")))
                    .consistentRead(true)
                    .limit(CANDIDATES))
        .items()
        .forEach(item -> codes.add(Attr.string(item, "code")));
    return codes;
  }

  /** True when this claim took the code; false when another draw took it (or the claim). */
  private boolean take(String journeyId, String pool, String code, String claimKey) {
    String pk = pool(journeyId, pool);
    try {
      dynamo.transactWriteItems(
          r ->
              r.transactItems(
                  TransactWriteItem.builder()
                      .delete(
                          d ->
                              d.tableName(table)
                                  .key(Attr.key(pk, "F#" + code))
                                  .conditionExpression("attribute_exists(PK)"))
                      .build(),
                  put(pk, "G#" + code, code, "givenAt", false),
                  put(pk, "K#" + claimKey, code, "givenAt", true),
                  countsUpdate(journeyId, pool, "given")));
      return true;
    } catch (TransactionCanceledException e) {
      if (conditionFailed(e, 0) || conditionFailed(e, 2) || conflict(e)) {
        return false;
      }
      throw e;
    }
  }

  private static boolean conditionFailed(TransactionCanceledException e, int index) {
    List<CancellationReason> reasons = e.cancellationReasons();
    return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
  }

  /** Another transaction on the same items was under way: try again. */
  private static boolean conflict(TransactionCanceledException e) {
    return e.cancellationReasons().stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
  }

  @Override
  public Optional<PoolCounts> counts(String journeyId, String pool) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                g ->
                    g.tableName(table)
                        .key(Attr.key(journeyPools(journeyId), "POOL#" + pool))
                        .consistentRead(true))
            .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(countsOf(item));
  }

  @Override
  public List<PoolCounts> pools(String journeyId) {
    List<PoolCounts> pools = new ArrayList<>();
    dynamo
        .queryPaginator(
            q ->
                q.tableName(table)
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :pool)")
                    .expressionAttributeValues(
                        Map.of(":pk", Attr.s(journeyPools(journeyId)), ":pool", Attr.s("POOL#")))
                    .consistentRead(true))
        .items()
        .forEach(item -> pools.add(countsOf(item)));
    return pools;
  }

  private static PoolCounts countsOf(Map<String, AttributeValue> item) {
    return new PoolCounts(
        Attr.string(item, "pool"), Attr.number(item, "imported"), Attr.number(item, "given"));
  }
}
