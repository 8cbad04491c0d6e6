package dev.waymark.bench;

import dev.waymark.ddblocal.DynamoDbLocal;
import dev.waymark.ddblocal.TemplateTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * What each kind of DynamoDB request an event's path makes costs in DynamoDB Local, as a ratio to
 * the single conditional {@code PutItem} the ingest benchmark's baseline makes: 4 threads run one
 * kind at a time in passes of 3 s, 3 rounds over all kinds after a warm-up round, on the streamed
 * Waymark table (400 people with 30 stored events each). The ratio says how many conditional puts'
 * worth of the engine's time one request of that kind takes ("put-equivalents"), which bounds what
 * ingest + process can reach against that baseline. One row puts into a table with the same keys
 * and nothing else (the ingest benchmark's baseline table): what the Waymark table's two indexes
 * and stream add to every write.
 */
final class DynamoRequestCostBench {
  private static final String TABLE = "bench-request-cost";
  private static final String PLAIN_TABLE = "bench-request-cost-plain";
  private static final int THREADS = 4;
  private static final int PEOPLE = 400;
  private static final String PAYLOAD = "x".repeat(600);

  private DynamoRequestCostBench() {}

  private interface Request {
    void make(DynamoDbClient dynamo, long n);
  }

  static void run() throws Exception {
    try (DynamoDbLocal local = DynamoDbLocal.start();
        DynamoDbClient dynamo = local.client()) {
      TemplateTable.createWaymarkTable(dynamo, TABLE);
      IngestThroughputBench.createPlainTable(dynamo, PLAIN_TABLE);
      seed(dynamo);
      Map<String, Request> kinds = kinds();
      Map<String, List<Double>> rates = new LinkedHashMap<>();
      ExecutorService threads = Executors.newFixedThreadPool(THREADS);
      for (int round = 0; round <= 3; round++) {
        for (Map.Entry<String, Request> kind : kinds.entrySet()) {
          double rate = pass(threads, dynamo, kind.getValue());
          if (round > 0) { // round 0 warms up
            rates.computeIfAbsent(kind.getKey(), k -> new ArrayList<>()).add(rate);
          }
        }
      }
      threads.shutdownNow();
      print(rates);
    }
  }

  private static Map<String, Request> kinds() {
    Map<String, Request> kinds = new LinkedHashMap<>();
    kinds.put(
        "PutItem, conditional (the baseline)",
        (d, n) ->
            d.putItem(
                r ->
                    r.tableName(TABLE)
                        .item(inboxItem())
                        .conditionExpression("attribute_not_exists(PK)")));
    kinds.put(
        "PutItem, conditional, into a table without indexes or stream (as the ingest benchmark's"
            + " baseline)",
        (d, n) ->
            d.putItem(
                r ->
                    r.tableName(PLAIN_TABLE)
                        .item(inboxItem())
                        .conditionExpression("attribute_not_exists(PK)")));
    kinds.put(
        "BatchWriteItem of 25 puts (ingest, per request)",
        (d, n) -> {
          List<WriteRequest> puts = new ArrayList<>();
          for (int i = 0; i < 25; i++) {
            puts.add(
                WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(inboxItem()).build())
                    .build());
          }
          d.batchWriteItem(r -> r.requestItems(Map.of(TABLE, puts)));
        });
    kinds.put(
        "TransactWriteItems of 2 conditional puts (an event recorded)",
        (d, n) ->
            d.transactWriteItems(
                r ->
                    r.transactItems(
                        conditionalPut(item("P#" + UUID.randomUUID(), "E#event")),
                        conditionalPut(item("P#" + UUID.randomUUID(), "PROFILE")))));
    kinds.put(
        "TransactWriteItems of 50 conditional puts (25 events recorded at once)",
        (d, n) -> {
          List<TransactWriteItem> puts = new ArrayList<>();
          for (int i = 0; i < 25; i++) {
            puts.add(conditionalPut(item("P#" + UUID.randomUUID(), "E#event")));
            puts.add(conditionalPut(item("P#" + UUID.randomUUID(), "PROFILE")));
          }
          d.transactWriteItems(r -> r.transactItems(puts));
        });
    kinds.put(
        "TransactWriteItems of a conditional put and a ConditionCheck (an event on an unchanged"
            + " profile)",
        (d, n) ->
            d.transactWriteItems(
                r ->
                    r.transactItems(
                        conditionalPut(item("P#" + UUID.randomUUID(), "E#event")),
                        profileCheck(n))));
    kinds.put(
        "TransactWriteItems of 8 conditional puts and 8 ConditionChecks (8 such events at once)",
        (d, n) -> {
          List<TransactWriteItem> actions = new ArrayList<>();
          for (int i = 0; i < 8; i++) {
            actions.add(conditionalPut(item("P#" + UUID.randomUUID(), "E#event")));
            actions.add(profileCheck(n * 8 + i));
          }
          d.transactWriteItems(r -> r.transactItems(actions));
        });
    kinds.put(
        "BatchGetItem, consistent, 100 keys (25 people's memberships of 4 segments)",
        (d, n) -> {
          List<Map<String, AttributeValue>> keys = new ArrayList<>();
          for (int i = 0; i < 100; i++) {
            keys.add(key("P#" + ((n * 100 + i) % PEOPLE), "SEG#segment-" + (i % 4)));
          }
          d.batchGetItem(
              r ->
                  r.requestItems(
                      Map.of(
                          TABLE,
                          KeysAndAttributes.builder().keys(keys).consistentRead(true).build())));
        });
    kinds.put(
        "Query, consistent, nothing found (memberships, waits)",
        (d, n) -> d.query(r -> query(r, n, "SEG#", 100).consistentRead(true)));
    kinds.put(
        "Query, newest 26 events (a timeline's first page)",
        (d, n) -> d.query(r -> query(r, n, "E#", 26)));
    kinds.put(
        "GetItem, consistent",
        (d, n) ->
            d.getItem(
                r ->
                    r.tableName(TABLE)
                        .consistentRead(true)
                        .key(key("P#" + (n % PEOPLE), "E#2026-11-10T00:00:00Z#0"))));
    return kinds;
  }

  private static QueryRequest.Builder query(
      QueryRequest.Builder r, long n, String prefix, int limit) {
    return r.tableName(TABLE)
        .scanIndexForward(false)
        .limit(limit)
        .keyConditionExpression("PK = :pk AND begins_with(SK, :p)")
        .expressionAttributeValues(
            Map.of(
                ":pk",
                AttributeValue.fromS("P#" + (n % PEOPLE)),
                ":p",
                AttributeValue.fromS(prefix)));
  }

  private static void seed(DynamoDbClient dynamo) {
    for (int p = 0; p < PEOPLE; p++) {
      Map<String, AttributeValue> profile = item("P#" + p, "PROFILE");
      profile.put("version", AttributeValue.fromN("1"));
      dynamo.putItem(r -> r.tableName(TABLE).item(profile));
      List<WriteRequest> puts = new ArrayList<>();
      for (int e = 0; e < 30; e++) {
        Map<String, AttributeValue> item =
            item("P#" + p, "E#2026-11-" + (10 + e % 20) + "T00:00:00Z#" + e);
        puts.add(
            WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        if (puts.size() == 25 || e == 29) {
          List<WriteRequest> batch = List.copyOf(puts);
          dynamo.batchWriteItem(r -> r.requestItems(Map.of(TABLE, batch)));
          puts.clear();
        }
      }
    }
  }

  /** Requests per second of one kind over a pass of about 3 s, from {@link #THREADS} threads. */
  private static double pass(ExecutorService threads, DynamoDbClient dynamo, Request request)
      throws Exception {
    AtomicLong made = new AtomicLong();
    long start = System.nanoTime();
    long end = start + 3_000_000_000L;
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      running.add(
          threads.submit(
              () -> {
                while (System.nanoTime() < end) {
                  request.make(dynamo, made.incrementAndGet());
                }
                return null;
              }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    return made.get() / ((System.nanoTime() - start) / 1e9);
  }

  private static void print(Map<String, List<Double>> rates) {
    List<Double> baseline = rates.values().iterator().next();
    System.out.println(
        "| request | requests/s (median of 3 rounds) | put-equivalents: baseline ÷ this, per"
            + " round (median, min, max) |");
    System.out.println("|---|---:|---|");
    for (Map.Entry<String, List<Double>> kind : rates.entrySet()) {
      Rounds.Spread spread = Rounds.spread(Rounds.ratios(baseline, kind.getValue()));
      System.out.printf(
          Locale.ROOT,
          "| %s | %.0f | %s |%n",
          kind.getKey(),
          Rounds.spread(kind.getValue()).median(),
          spread.format("%.2f"));
    }
  }

  private static Map<String, AttributeValue> inboxItem() {
    return item("EV#" + UUID.randomUUID(), "EVENT");
  }

  private static TransactWriteItem conditionalPut(Map<String, AttributeValue> item) {
    return TransactWriteItem.builder()
        .put(
            Put.builder()
                .tableName(TABLE)
                .item(item)
                .conditionExpression("attribute_not_exists(PK)")
                .build())
        .build();
  }

  /** A check that person {@code n}'s profile item is live at version 1 (as seeded). */
  private static TransactWriteItem profileCheck(long n) {
    return TransactWriteItem.builder()
        .conditionCheck(
            ConditionCheck.builder()
                .tableName(TABLE)
                .key(key("P#" + (n % PEOPLE), "PROFILE"))
                .conditionExpression("version = :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromN("1")))
                .build())
        .build();
  }

  private static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk));
  }

  private static Map<String, AttributeValue> item(String pk, String sk) {
    Map<String, AttributeValue> item = new LinkedHashMap<>(key(pk, sk));
    item.put("payload", AttributeValue.fromS(PAYLOAD));
    return item;
  }
}
