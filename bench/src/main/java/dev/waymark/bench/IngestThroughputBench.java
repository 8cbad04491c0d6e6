package dev.waymark.bench;

import dev.waymark.aws.dynamo.Keys;
import dev.waymark.local.LocalApi;
import dev.waymark.local.LocalRuntime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Events per second through the local runtime's HTTP API: ingest (validate, de-duplicate, store)
 * and process (resolve identities, update the profile, record the event, the listeners), beside the
 * raw rate of conditional puts into the same DynamoDB Local in the same run. The raw puts go to a
 * table of their own without a stream (so the stream poller never reads them), and both sides are
 * warmed until a round no longer improves on the best before it. Rounds last seconds and alternate
 * (raw, then Waymark); the ratio of each round and their min / median / max are printed.
 */
final class IngestThroughputBench {
  static final int CLIENTS = 4;
  static final int BATCH = 25;
  static final int PEOPLE = 400;
  static final int ROUNDS = 5;
  static final double ROUND_SECONDS = 4;
  static final String RAW_TABLE = "bench-raw-puts";
  static final int MIN_WARM_PASSES = 5;
  static final int MIN_ROUND_EVENTS = 500;

  private IngestThroughputBench() {}

  static void run() throws Exception {
    try (LocalRuntime runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withPort(0))) {
      LocalApi api = new LocalApi(runtime);
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      AtomicInteger ids = new AtomicInteger();
      createPlainTable(runtime.dynamo(), RAW_TABLE);
      double raw = warm("raw conditional puts", n -> rawPuts(runtime.dynamo(), clients, n, ids));
      double waymark = warm("Waymark", n -> pipeline(runtime, api, clients, n, ids));
      int rawCount = perRound(raw);
      int waymarkCount = perRound(waymark);
      System.out.println(
          "| round | raw conditional puts/s | Waymark events/s (ingest + process) | ratio |");
      System.out.println("|---|---|---|---|");
      List<Double> ratios = new ArrayList<>();
      long rawSent = 0;
      for (int round = 1; round <= ROUNDS; round++) {
        double r = rawPuts(runtime.dynamo(), clients, rawCount, ids);
        double w = pipeline(runtime, api, clients, waymarkCount, ids);
        rawSent += rawCount;
        ratios.add(w / r);
        System.out.printf("| %d | %.0f | %.0f | %.3f |%n", round, r, w, w / r);
      }
      System.out.printf(
          "ratio (Waymark events/s ÷ raw conditional puts/s), min / median / max: %s%n",
          ThroughputFigures.spread(ratios, "%.3f"));
      System.out.printf(
          "raw puts counted in their table (paginated scan): %d; rounds of ~%.0f s; load average"
              + " %s%n",
          count(runtime.dynamo()), ROUND_SECONDS, ThroughputFigures.loadAverage());
      clients.shutdownNow();
    }
  }

  /** A timed pass of {@code count} items; returns items per second. */
  interface Pass {
    double run(int count) throws Exception;
  }

  /**
   * Passes of about {@link #ROUND_SECONDS} until one is no better than 3% over the best before it
   * twice in a row, and at least {@link #MIN_WARM_PASSES} (at most 12): the steady state. Returns
   * the best rate.
   */
  static double warm(String what, Pass pass) throws Exception {
    double best = pass.run(1_000);
    int flat = 0;
    int passes = 1;
    while ((flat < 2 || passes < MIN_WARM_PASSES) && passes < 12) {
      double rate = pass.run(perRound(best));
      passes++;
      flat = rate > best * 1.03 ? 0 : flat + 1;
      best = Math.max(best, rate);
    }
    System.out.printf("%s warmed in %d passes: best %.0f/s%n", what, passes, best);
    return best;
  }

  /**
   * Items for a round of about {@link #ROUND_SECONDS} at this rate (at least {@link
   * #MIN_ROUND_EVENTS}, so the wait for the stream to drain stays small beside it), a whole number
   * of batches.
   */
  private static int perRound(double rate) {
    int batches =
        (int) Math.ceil(Math.max(rate * ROUND_SECONDS, MIN_ROUND_EVENTS) / (CLIENTS * BATCH));
    return batches * CLIENTS * BATCH;
  }

  /** A table with the Waymark table's keys only: no indexes, no stream, no time to live. */
  static void createPlainTable(DynamoDbClient dynamo, String table) {
    dynamo.createTable(
        r ->
            r.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(
                    k -> k.attributeName(Keys.PK).keyType(KeyType.HASH),
                    k -> k.attributeName(Keys.SK).keyType(KeyType.RANGE))
                .attributeDefinitions(
                    a -> a.attributeName(Keys.PK).attributeType(ScalarAttributeType.S),
                    a -> a.attributeName(Keys.SK).attributeType(ScalarAttributeType.S)));
  }

  /** Items in the raw table, counted page by page. */
  private static long count(DynamoDbClient dynamo) {
    long items = 0;
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      ScanResponse page =
          dynamo.scan(r -> r.tableName(RAW_TABLE).select(Select.COUNT).exclusiveStartKey(from));
      items += page.count();
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (start != null && !start.isEmpty());
    return items;
  }

  /** Conditional single-item puts, {@link #CLIENTS} at a time: the floor any event store pays. */
  static double rawPuts(
      DynamoDbClient dynamo, ExecutorService clients, int count, AtomicInteger ids)
      throws Exception {
    long start = System.nanoTime();
    onEveryClient(
        clients,
        () -> {
          for (int i = 0; i < count / CLIENTS; i++) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put(Keys.PK, AttributeValue.fromS("BENCH#" + ids.incrementAndGet()));
            item.put(Keys.SK, AttributeValue.fromS("RAW"));
            item.put("payload", AttributeValue.fromS("{\"type\":\"track\",\"event\":\"Viewed\"}"));
            dynamo.putItem(
                r ->
                    r.tableName(RAW_TABLE)
                        .item(item)
                        .conditionExpression("attribute_not_exists(PK)"));
          }
        });
    return count / ThroughputFigures.seconds(start);
  }

  /**
   * Batches posted by {@link #CLIENTS} concurrent senders; timed until every event is processed.
   */
  static double pipeline(
      LocalRuntime runtime, LocalApi api, ExecutorService clients, int count, AtomicInteger ids)
      throws Exception {
    long processedBefore = LoadBench.processed(runtime);
    long start = System.nanoTime();
    onEveryClient(
        clients,
        () -> {
          for (int b = 0; b < count / CLIENTS / BATCH; b++) {
            LocalApi.Answer answer = api.sendEvents(batch(ids, runtime.clock().instant()));
            if (answer.status() != 202) {
              throw new IllegalStateException("ingest refused a benchmark batch: " + answer.body());
            }
          }
        });
    runtime.awaitProcessed();
    double rate = count / ThroughputFigures.seconds(start);
    long processed = LoadBench.processed(runtime) - processedBefore;
    if (processed != count) {
      throw new IllegalStateException(count + " events sent but " + processed + " processed");
    }
    return rate;
  }

  /** What each client does. */
  interface ClientWork {
    void run() throws Exception;
  }

  /** Runs {@code work} on {@link #CLIENTS} clients at once and returns when all have finished. */
  private static void onEveryClient(ExecutorService clients, ClientWork work) throws Exception {
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      done.add(
          clients.submit(
              () -> {
                work.run();
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
  }

  static String batch(AtomicInteger ids, Instant now) {
    return batch(ids, now, BATCH);
  }

  /** A batch of {@code size} track events, spread over {@link #PEOPLE} people. */
  static String batch(AtomicInteger ids, Instant now, int size) {
    StringBuilder body = new StringBuilder("{\"batch\":[");
    for (int i = 0; i < size; i++) {
      int id = ids.incrementAndGet();
      body.append(i == 0 ? "" : ",")
          .append("{\"type\":\"track\",\"event\":\"Viewed\",\"messageId\":\"bench-")
          .append(id)
          .append("\",\"userId\":\"person-")
          .append(id % PEOPLE)
          .append("\",\"timestamp\":\"")
          .append(now)
          .append("\",\"properties\":{\"model\":\"E-V\",\"price\":41990}}");
    }
    return body.append("]}").toString();
  }
}
