package dev.waymark.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.config.WaymarkConfig;
import dev.waymark.aws.dynamo.DynamoEventInbox;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.aws.segment.DynamoDateMarkers;
import dev.waymark.aws.segment.DynamoSegmentMemberships;
import dev.waymark.aws.segment.SegmentServices;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.json.Json;
import dev.waymark.core.profile.ProcessOutcome;
import dev.waymark.core.segment.DateTraitMarkers;
import dev.waymark.core.segment.SegmentCatalog;
import dev.waymark.core.segment.SegmentDefinition;
import dev.waymark.core.segment.SegmentFiles;
import dev.waymark.core.segment.SegmentYaml;
import dev.waymark.ddblocal.DynamoDbLocal;
import dev.waymark.ddblocal.TemplateTable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Two figures for segments, each beside its baseline in the same run and the same DynamoDB Local:
 *
 * <ol>
 *   <li>the daily lease scan's DateIndex query over {@link #MARKERS} profiles' leaseEnd markers
 *       (marker items only, written with BatchWriteItem, leases spread over a year) beside a full
 *       table Scan finding the same day's leases — the ratio is the figure;
 *   <li>streaming evaluation per event with {@link #SEGMENTS} segments defined beside the same
 *       events processed with no segments (µs per event, and segment evaluations per second).
 * </ol>
 *
 * Run: {@code ./waymark bench segments} (or {@code segments-scan}, {@code segments-eval}).
 */
final class SegmentBench {
  static final int MARKERS = Integer.getInteger("bench.markers", 1_000_000);
  static final int SEGMENTS = 50;
  static final int EVENTS = Integer.getInteger("bench.events", 2_000);
  static final String TABLE = "waymark-bench";
  static final LocalDate DAY0 = LocalDate.parse("2027-01-01");
  static final double PASS_SECONDS = 2.0;

  private SegmentBench() {}

  static void runScan() throws Exception {
    try (DynamoDbLocal local = DynamoDbLocal.start();
        DynamoDbClient dynamo = local.client()) {
      TemplateTable.create(
          dynamo, TemplateTable.findTemplate(), TemplateTable.WAYMARK_TABLE, TABLE);
      long start = System.nanoTime();
      writeMarkers(dynamo);
      System.out.printf("wrote %,d leaseEnd markers in %.1f s%n", MARKERS, seconds(start));
      DynamoDateMarkers markers = new DynamoDateMarkers(dynamo, TABLE);
      // the query takes milliseconds: it is timed over passes of seconds (repeated), after warm-up
      // passes until its rate stops improving; the scan takes seconds or minutes on its own
      Rounds.warmUntilSteady(
          PASS_SECONDS,
          2,
          8,
          seconds ->
              Rounds.timed(
                  seconds, () -> markers.profilesOn(DateTraitMarkers.LEASE_END, DAY0).size()));
      System.out.println(
          "| round | lease day | DateIndex query (ms, mean of a pass) | queries in the pass |"
              + " full table Scan (ms) | found | ratio scan/query |");
      System.out.println("|---|---|---|---|---|---|---|");
      List<Double> ratios = new ArrayList<>();
      for (int round = 1; round <= 3; round++) {
        LocalDate day = DAY0.plusDays(round * 97L % 365);
        int viaIndex = markers.profilesOn(DateTraitMarkers.LEASE_END, day).size();
        Rounds.Pass queries =
            Rounds.timed(
                PASS_SECONDS, () -> markers.profilesOn(DateTraitMarkers.LEASE_END, day).size());
        double queryMs = queries.seconds() * 1e3 / queries.count();
        long s = System.nanoTime();
        int viaScan = scanFor(dynamo, day);
        double scanMs = (System.nanoTime() - s) / 1e6;
        if (viaIndex != viaScan) {
          throw new IllegalStateException("index found " + viaIndex + " but the scan " + viaScan);
        }
        ratios.add(scanMs / queryMs);
        System.out.printf(
            "| %d | %s | %.1f | %d | %.0f | %d | %.0f |%n",
            round, day, queryMs, queries.count(), scanMs, viaIndex, scanMs / queryMs);
      }
      System.out.printf(
          "ratio (full scan ÷ DateIndex query) over the rounds: %s%n",
          Rounds.spread(ratios).format("%,.0f"));
    }
  }

  private static void writeMarkers(DynamoDbClient dynamo) throws Exception {
    ExecutorService writers = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    int perWriter = MARKERS / 4;
    for (int w = 0; w < 4; w++) {
      int from = w * perWriter;
      done.add(
          writers.submit(
              () -> {
                List<WriteRequest> batch = new ArrayList<>(25);
                for (int i = from; i < from + perWriter; i++) {
                  Map<String, AttributeValue> item =
                      DynamoDateMarkers.item(
                          "bench-" + i, DateTraitMarkers.LEASE_END, DAY0.plusDays(i % 365));
                  batch.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
                  if (batch.size() == 25) {
                    write(dynamo, batch);
                    batch = new ArrayList<>(25);
                  }
                }
                if (!batch.isEmpty()) {
                  write(dynamo, batch);
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    writers.shutdown();
  }

  private static void write(DynamoDbClient dynamo, List<WriteRequest> batch) {
    Map<String, List<WriteRequest>> pending = Map.of(TABLE, batch);
    while (!pending.isEmpty()) {
      Map<String, List<WriteRequest>> request = pending;
      pending = dynamo.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
    }
  }

  /** What finding a day's leases costs without the index: every item of the table read. */
  private static int scanFor(DynamoDbClient dynamo, LocalDate day) {
    int found = 0;
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      ScanResponse page =
          dynamo.scan(
              r ->
                  r.tableName(TABLE)
                      .exclusiveStartKey(from)
                      .filterExpression(Keys.GSI1PK + " = :d")
                      .expressionAttributeValues(
                          Map.of(":d", AttributeValue.fromS(Keys.dateIndex("leaseEnd", day)))));
      found += page.count();
      start =
          page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
              ? page.lastEvaluatedKey()
              : null;
    } while (start != null);
    return found;
  }

  static void runEvaluation() throws Exception {
    try (DynamoDbLocal local = DynamoDbLocal.start();
        DynamoDbClient dynamo = local.client()) {
      TemplateTable.create(
          dynamo, TemplateTable.findTemplate(), TemplateTable.WAYMARK_TABLE, TABLE);
      Clock clock = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
      WaymarkConfig config = WaymarkConfig.local(TABLE);
      WaymarkServices core = new WaymarkServices(dynamo, config, clock);
      SegmentServices segments =
          new SegmentServices(
              dynamo,
              TABLE,
              new DynamoSegmentMemberships(dynamo, TABLE, config.dedupWindow()),
              clock,
              core.profiles(),
              core.records(),
              core.accounts(),
              new DynamoEventInbox(dynamo, TABLE, config.dedupWindow()),
              new SegmentFiles.Loaded(fiftySegments(), List.of()));
      // warm-up: both paths, once each (each pass is EVENTS events: seconds)
      measure(core, null, "warm-up", 0);
      measure(core, segments, "warm-up-segments", 0);
      System.out.println("| run | events | µs per event | segment evaluations | evaluations/s |");
      System.out.println("|---|---|---|---|---|");
      List<Double> overhead = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      for (int round = 1; round <= 3; round++) {
        double[] base = measure(core, null, "baseline-" + round, round);
        double[] with = measure(core, segments, "segments-" + round, round);
        System.out.printf(
            "| no segments, round %d | %d | %.0f | - | - |%n", round, EVENTS, base[0]);
        System.out.printf(
            "| %d segments, round %d | %d | %.0f | %.0f | %.0f |%n",
            SEGMENTS, round, EVENTS, with[0], with[1], with[1] / (with[0] * EVENTS / 1e6));
        overhead.add(with[0] - base[0]);
        ratios.add(with[0] / base[0]);
      }
      System.out.printf(
          "cost of streaming evaluation with %d segments, µs per event: %s%n",
          SEGMENTS, Rounds.spread(overhead).format("%.0f"));
      System.out.printf(
          "ratio with ÷ without segments: %s%n", Rounds.spread(ratios).format("%.2f"));
    }
  }

  /**
   * Processes {@link #EVENTS} events (one thread) and returns µs per event and segment evaluations
   * done.
   */
  private static double[] measure(
      WaymarkServices core, SegmentServices segments, String run, int round) {
    long evaluations = 0;
    long start = System.nanoTime();
    for (int i = 0; i < EVENTS; i++) {
      InboundEvent event = event(run, i);
      ProcessOutcome outcome = core.profiles().process(event);
      if (segments != null) {
        evaluations += segments.evaluator().affected(outcome, event).size();
        segments.listeners().forEach(l -> l.onProcessed(outcome, event));
      }
    }
    return new double[] {(System.nanoTime() - start) / 1e3 / EVENTS, evaluations};
  }

  /**
   * 200 people per run; a mix of page views, track events with properties, and identify calls
   * setting traits.
   */
  private static InboundEvent event(String run, int i) {
    ObjectNode body =
        Json.object()
            .put("messageId", run + "-" + i)
            .put("userId", run + "-person-" + (i % 200))
            .put("timestamp", "2026-11-24T11:00:00Z");
    switch (i % 4) {
      case 0 ->
          body.put("type", "page")
              .put("name", "E-V Model")
              .putObject("properties")
              .put("model", "E-V");
      case 1 ->
          body.put("type", "track")
              .put("event", "Event " + (i % 10))
              .putObject("properties")
              .put("value", i % 100);
      case 2 ->
          body.put("type", "identify")
              .putObject("traits")
              .put("t" + (i % 20), "v" + (i % 3))
              .put("d" + (i % 10), LocalDate.parse("2026-12-01").plusDays(i % 60).toString());
      default ->
          body.put("type", "track")
              .put("event", "Order Completed")
              .putObject("properties")
              .put("total", i % 500);
    }
    return new InboundEvent(body, Instant.parse("2026-11-24T11:00:00Z"));
  }

  /**
   * 20 trait rules, 10 event-count rules, 10 date rules, 10 combinations (all/any/not/inSegment).
   */
  static SegmentCatalog fiftySegments() {
    List<SegmentDefinition> all = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      all.add(
          SegmentYaml.parse(
              "id: trait-" + i + "\nrule: { trait: t" + i + ", equals: v1 }", "bench"));
    }
    for (int i = 0; i < 10; i++) {
      all.add(
          SegmentYaml.parse(
              "id: event-"
                  + i
                  + "\nrule: { event: Event "
                  + i
                  + ", where: [{field: properties.value, op: greaterThan, value: 10}], atLeast: 2, within: P30D }",
              "bench"));
    }
    for (int i = 0; i < 10; i++) {
      all.add(
          SegmentYaml.parse(
              "id: date-"
                  + i
                  + "\nrule: { trait: d"
                  + i
                  + ", withinNextDays: "
                  + (10 + i * 5)
                  + " }",
              "bench"));
    }
    for (int i = 0; i < 10; i++) {
      all.add(
          SegmentYaml.parse(
              "id: combo-"
                  + i
                  + "\nrule:\n  all:\n    - inSegment: trait-"
                  + i
                  + "\n    - any:\n        - event: Order Completed\n          where: [{field: properties.total, op: greaterThan, value: "
                  + (i * 40)
                  + "}]\n        - not: { inSegment: date-"
                  + i
                  + " }",
              "bench"));
    }
    return new SegmentCatalog(all);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
