package dev.waymark.bench.scale;

import java.util.HashMap;
import java.util.Map;

/**
 * Writes to the shards of one sharded DynamoDB key (a per-journey counter, a segment's member
 * index): each shard is its own partition key, so each gets a partition's write throughput, kept as
 * a token bucket of one second. Records the busiest shard-second and the writes a partition would
 * have throttled.
 */
public final class PartitionWrites {
  private final TokenBucket[] shards;
  private final Map<Long, int[]> perSecond = new HashMap<>();
  private long throttled;
  private long writes;
  private int peak;

  public PartitionWrites(int shardCount, double writeUnitsPerSecond) {
    shards = new TokenBucket[shardCount];
    for (int i = 0; i < shardCount; i++) {
      shards[i] = new TokenBucket(writeUnitsPerSecond, writeUnitsPerSecond);
    }
  }

  /** One single-unit write at {@code now} to the shard {@code key} falls in. */
  public void write(long now, long key) {
    int shard = (int) Math.floorMod(key, (long) shards.length);
    writes++;
    if (!shards[shard].tryTake(now, 1)) {
      throttled++;
    }
    int[] counts = perSecond.computeIfAbsent(now / EventLoop.SECOND, s -> new int[shards.length]);
    peak = Math.max(peak, ++counts[shard]);
  }

  public long writes() {
    return writes;
  }

  public long throttled() {
    return throttled;
  }

  /** The most writes one shard took within one simulated second. */
  public int peakShardWritesPerSecond() {
    return peak;
  }
}
