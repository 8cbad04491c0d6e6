package dev.waymark.aws.journey;

import dev.waymark.core.journey.JourneyCatalog;
import dev.waymark.core.journey.JourneyDefinition;
import dev.waymark.core.journey.JourneyState;
import dev.waymark.core.journey.publish.JourneyCompilation;
import dev.waymark.core.journey.publish.JourneyRecord;
import dev.waymark.core.journey.publish.JourneyRecords;
import dev.waymark.core.journey.publish.JourneyVersion;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The router's catalog read from the table: every live, paused or stopped journey with the
 * definition of its live version and the alias its runs start on. The list is cached for {@code
 * ttl} ({@code WAYMARK_JOURNEY_CACHE_SECONDS}; zero reads it on every call, as the tests and the
 * local runtime do); a version's definition never changes, so it is kept once read.
 */
public final class DynamoJourneyCatalog implements JourneyCatalog {
  private final JourneyRecords records;
  private final JourneyCompilation compilation;
  private final long ttlNanos;
  private final Map<String, JourneyDefinition> versions = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private volatile Snapshot snapshot;

  private record Entry(JourneyDefinition definition, JourneyState state, String aliasArn) {}

  /** The list as read at {@code loadedAt}, when this process had made {@code generation} saves. */
  private record Snapshot(
      long loadedAt, long generation, List<JourneyDefinition> journeys, Map<String, Entry> byId) {}

  public DynamoJourneyCatalog(
      JourneyRecords records, JourneyCompilation compilation, Duration ttl) {
    this.records = records;
    this.compilation = compilation;
    this.ttlNanos = ttl.toNanos();
  }

  /**
   * The records as a writer in this process should use them: every save (a publish, a pause, a
   * stop) also makes this catalog read the list afresh on its next use, so a long {@code ttl} never
   * hides this process's own changes (the local runtime, where everything is one process, relies on
   * it).
   */
  public JourneyRecords forgettingOnSave() {
    return new JourneyRecords() {
      @Override
      public Optional<JourneyRecord> find(String journeyId) {
        return records.find(journeyId);
      }

      @Override
      public JourneyRecord save(JourneyRecord next) {
        try {
          return records.save(next);
        } finally {
          generation.incrementAndGet();
        }
      }

      @Override
      public void saveVersion(JourneyVersion version) {
        records.saveVersion(version);
      }

      @Override
      public Optional<JourneyVersion> version(String journeyId, int version) {
        return records.version(journeyId, version);
      }

      @Override
      public List<JourneyVersion> versions(String journeyId) {
        return records.versions(journeyId);
      }

      @Override
      public List<JourneyRecord> all() {
        return records.all();
      }
    };
  }

  @Override
  public List<JourneyDefinition> journeys() {
    return current().journeys();
  }

  @Override
  public Optional<JourneyDefinition> find(String journeyId) {
    return Optional.ofNullable(current().byId().get(journeyId)).map(Entry::definition);
  }

  @Override
  public JourneyState state(String journeyId) {
    Entry entry = current().byId().get(journeyId);
    return entry == null ? JourneyState.archived : entry.state();
  }

  @Override
  public String stateMachineArn(String journeyId) {
    Entry entry = current().byId().get(journeyId);
    if (entry == null || entry.aliasArn() == null) {
      throw new IllegalStateException("journey " + journeyId + " is not published");
    }
    return entry.aliasArn();
  }

  private Snapshot current() {
    Snapshot known = snapshot;
    long now = System.nanoTime();
    long saves = generation.get();
    if (known != null
        && known.generation() == saves
        && ttlNanos > 0
        && now - known.loadedAt() < ttlNanos) {
      return known;
    }
    Map<String, Entry> byId = new LinkedHashMap<>();
    for (JourneyRecord journey : records.all()) {
      if (journey.state().inCatalog() && journey.liveVersion() > 0) {
        byId.put(journey.id(), new Entry(definition(journey), journey.state(), journey.aliasArn()));
      }
    }
    List<JourneyDefinition> journeys =
        byId.values().stream()
            .map(Entry::definition)
            .sorted(
                Comparator.comparingInt(JourneyDefinition::priority)
                    .reversed()
                    .thenComparing(JourneyDefinition::id))
            .toList();
    Snapshot loaded = new Snapshot(now, saves, journeys, byId);
    snapshot = loaded;
    return loaded;
  }

  private JourneyDefinition definition(JourneyRecord journey) {
    String version = Integer.toString(journey.liveVersion());
    return versions.computeIfAbsent(
        journey.id() + "#" + version,
        key ->
            compilation
                .definition(
                    records
                        .version(journey.id(), journey.liveVersion())
                        .orElseThrow(
                            () ->
                                new IllegalStateException(
                                    "journey " + journey.id() + " lost version " + version))
                        .document())
                .withVersion(version));
  }
}
