package dev.waymark.core.journey.simulate;

import dev.waymark.core.journey.JourneyCounter;
import dev.waymark.core.journey.JourneyRun;
import dev.waymark.core.journey.JourneyStore;
import dev.waymark.core.journey.Membership;
import dev.waymark.core.journey.TraceEntry;
import dev.waymark.core.journey.WaitRegistration;
import dev.waymark.core.store.ConcurrentChangeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A simulation's journey state, in memory and nowhere else: memberships, runs, waits, the decision
 * trace and the counters of the simulated version. Thread-safe (the executor's task threads and the
 * replaying host thread both use it); gone when the simulation ends.
 */
public final class ScratchJourneyStore implements JourneyStore {
  private final Map<String, Membership> memberships = new ConcurrentHashMap<>();
  private final Map<String, JourneyRun> runs = new LinkedHashMap<>();
  private final Map<String, WaitRegistration> waits = new LinkedHashMap<>();
  private final Map<String, TraceEntry> traces = new LinkedHashMap<>();
  private final Map<String, Map<JourneyCounter, Long>> counters = new TreeMap<>();

  @Override
  public Membership membership(String journeyId, String profileId) {
    return memberships.getOrDefault(
        journeyId + "|" + profileId, Membership.none(journeyId, profileId));
  }

  @Override
  public synchronized void saveMembership(Membership next) {
    Membership before = membership(next.journeyId(), next.profileId());
    if (before.version() + 1 != next.version()) {
      throw new ConcurrentChangeException("membership " + next.journeyId() + " moved");
    }
    memberships.put(next.journeyId() + "|" + next.profileId(), next);
  }

  @Override
  public synchronized JourneyRun recordRun(JourneyRun run) {
    return runs.computeIfAbsent(run.runId(), id -> run);
  }

  @Override
  public synchronized void updateRun(JourneyRun run) {
    runs.put(run.runId(), run);
  }

  @Override
  public synchronized List<JourneyRun> runningRuns(String journeyId) {
    return runs.values().stream()
        .filter(r -> r.journeyId().equals(journeyId) && r.executionArn() != null)
        .filter(r -> r.status() == JourneyRun.RunStatus.running)
        .toList();
  }

  @Override
  public synchronized List<JourneyRun> runs(String profileId) {
    return runs.values().stream().filter(r -> r.profileId().equals(profileId)).toList();
  }

  /** Every run, in the order they were recorded. */
  public synchronized List<JourneyRun> allRuns() {
    return List.copyOf(runs.values());
  }

  @Override
  public synchronized void trace(TraceEntry entry) {
    traces.putIfAbsent(entry.key(), entry);
  }

  @Override
  public synchronized List<TraceEntry> traces(String profileId) {
    return traces.values().stream().filter(t -> t.profileId().equals(profileId)).toList();
  }

  /** Every decision traced, in the order made. */
  public synchronized List<TraceEntry> allTraces() {
    return List.copyOf(traces.values());
  }

  @Override
  public synchronized void registerWait(WaitRegistration wait) {
    waits.put(wait.runId() + "#" + wait.stepId(), wait);
  }

  @Override
  public synchronized List<WaitRegistration> waitsFor(String profileId, String eventName) {
    return waits.values().stream()
        .filter(w -> w.profileId().equals(profileId))
        .filter(w -> w.matcher().event().equals(eventName))
        .toList();
  }

  @Override
  public synchronized List<WaitRegistration> waitsOfRun(String profileId, String runId) {
    return waits.values().stream()
        .filter(w -> w.profileId().equals(profileId) && w.runId().equals(runId))
        .toList();
  }

  @Override
  public synchronized boolean claimWait(WaitRegistration wait) {
    return waits.remove(wait.runId() + "#" + wait.stepId()) != null;
  }

  @Override
  public synchronized boolean markGoal(JourneyRun run, Instant at) {
    JourneyRun stored = runs.get(run.runId());
    if (stored == null || stored.goalReachedAt() != null) {
      return false;
    }
    runs.put(
        run.runId(),
        new JourneyRun(
            stored.runId(),
            stored.journeyId(),
            stored.version(),
            stored.profileId(),
            stored.executionArn(),
            stored.startedAt(),
            stored.status(),
            stored.entryKey(),
            at));
    return true;
  }

  @Override
  public synchronized void count(
      String journeyId, String version, JourneyCounter counter, long by) {
    counters
        .computeIfAbsent(journeyId + "|" + version, k -> new LinkedHashMap<>())
        .merge(counter, by, Long::sum);
  }

  @Override
  public synchronized List<String> versions(String journeyId) {
    List<String> versions = new ArrayList<>();
    counters.keySet().stream()
        .filter(k -> k.startsWith(journeyId + "|"))
        .forEach(k -> versions.add(k.substring(journeyId.length() + 1)));
    return versions;
  }

  @Override
  public synchronized Map<JourneyCounter, Long> counters(String journeyId, String version) {
    return Map.copyOf(counters.getOrDefault(journeyId + "|" + version, Map.of()));
  }
}
