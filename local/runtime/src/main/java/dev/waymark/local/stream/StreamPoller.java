package dev.waymark.local.stream;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.waymark.aws.dynamo.Keys;
import dev.waymark.local.functions.LocalLambdaContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Feeds a stream-driven handler from DynamoDB Local's stream the way Lambda's event source mapping
 * does: batches per shard, the template's filter (inserts of inbox items), partial batch failures
 * retried from the failed record, and after {@link #MAX_RETRIES} retries that record is set aside
 * (handed to {@code setAside} with its messageId, as the event source mapping sends its description
 * to the dead-letter queue) while the rest of the batch carries on.
 */
public final class StreamPoller implements AutoCloseable {
  static final int BATCH_SIZE = 50;
  static final int MAX_RETRIES = 5;

  private final DynamoDbStreamsClient streams;
  private final String streamArn;
  private final RequestHandler<DynamodbEvent, StreamsEventResponse> handler;
  private final StreamPositions positions;
  private final Map<String, String> iterators = new LinkedHashMap<>();
  private final List<String> finishedShards = new ArrayList<>();
  private final Consumer<String> setAside;
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong setAsideCount = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;
  private final Semaphore wake = new Semaphore(0);
  private static final long DISCOVERY_INTERVAL_NANOS = 1_000_000_000L;
  private long discoveredAt;
  private boolean shardEnded = true;

  public StreamPoller(
      DynamoDbStreamsClient streams,
      String streamArn,
      RequestHandler<DynamodbEvent, StreamsEventResponse> handler,
      Consumer<String> setAside) {
    this(streams, streamArn, handler, setAside, StreamPositions.inMemory());
  }

  /** A poller that starts after the positions given and records them as it delivers. */
  public StreamPoller(
      DynamoDbStreamsClient streams,
      String streamArn,
      RequestHandler<DynamodbEvent, StreamsEventResponse> handler,
      Consumer<String> setAside,
      StreamPositions positions) {
    this.setAside = setAside;
    this.streams = streams;
    this.streamArn = streamArn;
    this.handler = handler;
    this.positions = positions;
    this.thread = Thread.ofPlatform().daemon().name("stream-poller").start(this::loop);
  }

  private void loop() {
    while (running) {
      try {
        if (pollOnce(false) == 0) {
          // the next pass in 20 ms, or at once when pollNow() says something was written
          if (wake.tryAcquire(20, TimeUnit.MILLISECONDS)) {
            wake.drainPermits();
          }
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (running) {
          System.err.println("stream poller: " + e.getMessage());
        }
      }
    }
  }

  /**
   * Polls again now rather than at the end of the 20 ms pause (ingest calls it after an inbox put).
   * A call during a pass makes the next pass start right after it, so no write is missed.
   */
  public void pollNow() {
    wake.release();
  }

  /** True when a pass over every shard finds nothing new right now. */
  public boolean idleNow() {
    return pollOnce(true) == 0;
  }

  /** Records set aside after their retries. */
  public long setAsideCount() {
    return setAsideCount.get();
  }

  /** Batches delivered again from a failed record. */
  public long retries() {
    return retries.get();
  }

  /**
   * One pass over the shards. The shard list (DescribeStream, which costs DynamoDB Local about as
   * much as the pass's GetRecords) is read again once a second has passed since it was last read,
   * at once when a shard has ended (its successor is where new records go), and on every {@link
   * #idleNow} (so a settle never misses a shard that just appeared).
   */
  private synchronized int pollOnce(boolean discover) {
    long now = System.nanoTime();
    if (discover || shardEnded || now - discoveredAt >= DISCOVERY_INTERVAL_NANOS) {
      discoverShards();
      discoveredAt = now;
      shardEnded = false;
    }
    int seen = 0;
    for (Map.Entry<String, String> entry : new ArrayList<>(iterators.entrySet())) {
      if (entry.getValue() == null) {
        continue;
      }
      GetRecordsResponse page =
          streams.getRecords(r -> r.shardIterator(entry.getValue()).limit(BATCH_SIZE));
      iterators.put(entry.getKey(), page.nextShardIterator());
      if (page.nextShardIterator() == null) {
        finishedShards.add(entry.getKey());
        shardEnded = true;
      }
      seen += page.records().size();
      deliver(page.records());
      if (!page.records().isEmpty()) {
        positions.delivered(entry.getKey(), page.records().getLast().dynamodb().sequenceNumber());
      }
    }
    return seen;
  }

  private void discoverShards() {
    for (Shard shard :
        streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards()) {
      if (!iterators.containsKey(shard.shardId()) && !finishedShards.contains(shard.shardId())) {
        iterators.put(shard.shardId(), iterator(shard.shardId()));
      }
    }
  }

  /** Right after the last record delivered from the shard, or at its oldest record. */
  private String iterator(String shardId) {
    Optional<String> after = positions.after(shardId);
    if (after.isPresent()) {
      try {
        return streams
            .getShardIterator(
                r ->
                    r.streamArn(streamArn)
                        .shardId(shardId)
                        .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                        .sequenceNumber(after.get()))
            .shardIterator();
      } catch (TrimmedDataAccessException e) {
        // the records after it were trimmed: nothing older is left, start at the oldest
      }
    }
    return streams
        .getShardIterator(
            r ->
                r.streamArn(streamArn)
                    .shardId(shardId)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
        .shardIterator();
  }

  private void deliver(List<Record> records) {
    List<DynamodbEvent.DynamodbStreamRecord> batch =
        records.stream()
            .map(r -> StreamRecords.toLambda(r, streamArn))
            .filter(StreamPoller::matchesTemplateFilter)
            .toList();
    int attempts = 0;
    while (!batch.isEmpty()) {
      DynamodbEvent event = new DynamodbEvent();
      event.setRecords(batch);
      StreamsEventResponse response =
          handler.handleRequest(event, LocalLambdaContext.of("ProcessFunction"));
      if (response.getBatchItemFailures() == null || response.getBatchItemFailures().isEmpty()) {
        return;
      }
      batch = fromFailure(batch, response.getBatchItemFailures().get(0).getItemIdentifier());
      if (++attempts > MAX_RETRIES) {
        // as BisectBatchOnFunctionError ends up doing: the record that keeps failing is set aside
        // (the event source mapping sends its description to the queue), the rest carries on
        setAside(batch.get(0));
        batch = batch.subList(1, batch.size());
        attempts = 0;
      } else {
        retries.incrementAndGet();
      }
    }
  }

  private void setAside(DynamodbEvent.DynamodbStreamRecord record) {
    String messageId = Keys.messageIdOf(record.getDynamodb().getKeys().get(Keys.PK).getS());
    for (int attempt = 1; ; attempt++) {
      try {
        setAside.accept(messageId);
        setAsideCount.incrementAndGet();
        System.err.println(
            "stream poller: event "
                + messageId
                + " set aside as a dead letter after "
                + MAX_RETRIES
                + " retries (GET /v1/admin/dead-letters)");
        return;
      } catch (RuntimeException e) {
        if (attempt == MAX_RETRIES || !running) {
          System.err.println("stream poller: could not set aside " + messageId);
          return;
        }
      }
    }
  }

  private static List<DynamodbEvent.DynamodbStreamRecord> fromFailure(
      List<DynamodbEvent.DynamodbStreamRecord> batch, String sequenceNumber) {
    for (int i = 0; i < batch.size(); i++) {
      if (batch.get(i).getDynamodb().getSequenceNumber().equals(sequenceNumber)) {
        return batch.subList(i, batch.size());
      }
    }
    return batch;
  }

  /**
   * template.yaml's FilterCriteria: {"eventName":["INSERT"],"dynamodb":{"NewImage":{"SK":{"S":
   * ["EVENT",{"prefix":"REPLAY#"}]}}}}, with the key names from {@link Keys}.
   */
  static boolean matchesTemplateFilter(DynamodbEvent.DynamodbStreamRecord record) {
    var image = record.getDynamodb().getNewImage();
    return "INSERT".equals(record.getEventName())
        && image != null
        && image.get(Keys.SK) != null
        && (Keys.INBOX_SK.equals(image.get(Keys.SK).getS())
            || image.get(Keys.SK).getS().startsWith(Keys.REPLAY_PREFIX));
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
