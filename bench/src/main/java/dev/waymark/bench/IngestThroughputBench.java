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

/**
 * Events per second through the local runtime's HTTP API: ingest (validate, de-duplicate, store)
 * and process (resolve identities, update the profile, record the event), beside the raw rate of
 * conditional puts into the same DynamoDB Local in the same run. The ratio is the figure to track;
 * absolute numbers depend on the machine.
 */
final class IngestThroughputBench {
  static final int CLIENTS = 4;
  static final int BATCH = 25;
  static final int PEOPLE = 400;
  static final int WARMUP_EVENTS = 1_000;
  static final int MEASURED_EVENTS = 5_000;
  static final int ROUNDS = 3;

  private IngestThroughputBench() {}

  static void run() throws Exception {
    try (LocalRuntime runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withPort(0))) {
      LocalApi api = new LocalApi(runtime);
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      AtomicInteger ids = new AtomicInteger();
      rawPuts(runtime.dynamo(), clients, WARMUP_EVENTS, ids);
      pipeline(runtime, api, clients, WARMUP_EVENTS, ids);
      System.out.println(
          "| round | raw conditional puts/s | Waymark events/s (ingest + process) | ratio |");
      System.out.println("|---|---|---|---|");
      List<Double> ratios = new ArrayList<>();
      for (int round = 1; round <= ROUNDS; round++) {
        double raw = rawPuts(runtime.dynamo(), clients, MEASURED_EVENTS, ids);
        double waymark = pipeline(runtime, api, clients, MEASURED_EVENTS, ids);
        ratios.add(waymark / raw);
        System.out.printf("| %d | %.0f | %.0f | %.3f |%n", round, raw, waymark, waymark / raw);
      }
      ratios.sort(Double::compare);
      System.out.printf(
          "median ratio (Waymark events/s ÷ raw conditional puts/s): %.3f%n",
          ratios.get(ROUNDS / 2));
      clients.shutdownNow();
    }
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
                    r.tableName(LocalRuntime.TABLE)
                        .item(item)
                        .conditionExpression("attribute_not_exists(PK)"));
          }
        });
    return count / seconds(start);
  }

  /**
   * Batches posted by {@link #CLIENTS} concurrent senders; timed until every event is processed.
   */
  static double pipeline(
      LocalRuntime runtime, LocalApi api, ExecutorService clients, int count, AtomicInteger ids)
      throws Exception {
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
    return count / seconds(start);
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

  private static String batch(AtomicInteger ids, Instant now) {
    StringBuilder body = new StringBuilder("{\"batch\":[");
    for (int i = 0; i < BATCH; i++) {
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

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
