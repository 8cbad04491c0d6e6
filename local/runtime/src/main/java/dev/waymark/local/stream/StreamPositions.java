package dev.waymark.local.stream;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.waymark.core.json.Json;
import dev.waymark.local.data.DataFolder;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where the stream poller stands in each shard: the sequence number of the last record delivered,
 * as Lambda's event source mapping remembers it. With a data folder it is kept in a file, so a
 * restart carries on after the last delivered record instead of re-reading the stream from its
 * start; a crash between delivering a batch and saving its position delivers that batch again,
 * which processing takes as a replay (at-least-once, as in AWS).
 */
public final class StreamPositions {
  private final Optional<Path> file;
  private final Map<String, String> positions = new TreeMap<>();

  private StreamPositions(Optional<Path> file) {
    this.file = file;
    file.flatMap(DataFolder::read)
        .ifPresent(text -> positions.putAll(Json.read(text, new TypeReference<>() {})));
  }

  /** Positions in memory only: a new poller starts at each shard's oldest record. */
  public static StreamPositions inMemory() {
    return new StreamPositions(Optional.empty());
  }

  /** Positions kept in {@code file} (read now, rewritten after every delivered batch). */
  public static StreamPositions keptIn(Path file) {
    return new StreamPositions(Optional.of(file));
  }

  /** The sequence number of the last record delivered from the shard, if any. */
  public synchronized Optional<String> after(String shardId) {
    return Optional.ofNullable(positions.get(shardId));
  }

  /** Every record of the shard up to {@code sequenceNumber} has been delivered. */
  public synchronized void delivered(String shardId, String sequenceNumber) {
    positions.put(shardId, sequenceNumber);
    file.ifPresent(f -> DataFolder.replace(f, Json.write(positions) + "\n"));
  }
}
