package dev.waymark.aws.journey;

import dev.waymark.core.journey.JourneyCatalog;
import dev.waymark.core.journey.JourneyDefinition;
import dev.waymark.core.journey.JourneyState;
import dev.waymark.core.journey.publish.JourneyCompilation;
import dev.waymark.core.journey.publish.JourneyRecord;
import dev.waymark.core.journey.publish.JourneyRecords;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
  private volatile Snapshot snapshot;

  private record Entry(JourneyDefinition definition, JourneyState state, String aliasArn) {}

  private record Snapshot(
      long loadedAt, List<JourneyDefinition> journeys, Map<String, Entry> byId) {}

  public DynamoJourneyCatalog(
      JourneyRecords records, JourneyCompilation compilation, Duration ttl) {
    this.records = records;
    this.compilation = compilation;
    this.ttlNanos = ttl.toNanos();
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
    if (known != null && ttlNanos > 0 && now - known.loadedAt() < ttlNanos) {
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
    Snapshot loaded = new Snapshot(now, journeys, byId);
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
