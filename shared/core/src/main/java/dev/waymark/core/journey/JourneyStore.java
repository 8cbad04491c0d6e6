package dev.waymark.core.journey;

import dev.waymark.core.store.ConcurrentChangeException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Journey state per person: memberships, runs, waits, the decision trace and the counters. */
public interface JourneyStore {
  Membership membership(String journeyId, String profileId);

  /**
   * Many people's memberships of one journey, by profile id (none yet: {@link Membership#none}), in
   * as few round trips as the store can.
   */
  default Map<String, Membership> memberships(String journeyId, Collection<String> profileIds) {
    Map<String, Membership> found = new HashMap<>();
    profileIds.forEach(id -> found.put(id, membership(journeyId, id)));
    return found;
  }

  /** Compare-and-set on the membership's version; {@link ConcurrentChangeException} if it moved. */
  void saveMembership(Membership next);

  /**
   * Records an admitted entry together: the membership (a compare-and-set on its version, as {@link
   * #saveMembership}: {@link ConcurrentChangeException} if it moved, and then nothing is written),
   * the entry's counter, its decision trace (replacing one recorded under the same key) and the
   * run, not started yet (a new run: its id comes from the entry's key, which the membership did
   * not have). An adapter that can writes them in one atomic step; this default writes them one
   * after another, the membership first.
   */
  default void enter(Membership next, JourneyRun run, TraceEntry trace, JourneyCounter counter) {
    saveMembership(next);
    count(run.journeyId(), run.version(), counter, 1);
    trace(trace);
    recordRun(run);
  }

  /**
   * Records a decision's trace entry and adds one to its counter, once per trace key: an adapter
   * that can writes both in one atomic step conditional on the key being new, so a replayed
   * decision is neither traced nor counted again; this default writes them one after another (and
   * counts a replayed decision again). Only for decisions made once per key (an entry refused).
   */
  default void traceAndCountOnce(TraceEntry entry, String version, JourneyCounter counter) {
    count(entry.journeyId(), version, counter, 1);
    trace(entry);
  }

  /** Records a run unless it is already recorded; returns the stored run either way. */
  JourneyRun recordRun(JourneyRun run);

  /**
   * Saves a run's new state. A run that is running on an execution is also listed under its journey
   * (see {@link #runningRuns}); a run that ended is taken off that list.
   */
  void updateRun(JourneyRun run);

  /**
   * The runs of a journey started on an execution and not known to have ended (a run that ended on
   * the engine by itself stays listed until {@link #updateRun} records its end), so stopping a
   * journey finds them without reading every profile.
   */
  List<JourneyRun> runningRuns(String journeyId);

  List<JourneyRun> runs(String profileId);

  /** Records a decision; the same key twice is stored once. */
  void trace(TraceEntry entry);

  /** Records many decisions (each key stored once), in as few round trips as the store can. */
  default void traceAll(List<TraceEntry> entries) {
    entries.forEach(this::trace);
  }

  List<TraceEntry> traces(String profileId);

  void registerWait(WaitRegistration wait);

  List<WaitRegistration> waitsFor(String profileId, String eventName);

  List<WaitRegistration> waitsOfRun(String profileId, String runId);

  /**
   * What the store can tell cheaply about these people's waits (a stream batch's, read before it
   * runs): for each person asked, the latest expiry of the waits registered for each event name (an
   * event name absent: no wait for it was registered). Empty when the store can only tell by
   * reading each person's waits ({@link #waitsFor}).
   */
  default Optional<Map<String, Map<String, Instant>>> waitHorizons(Collection<String> profileIds) {
    return Optional.empty();
  }

  /** Removes a wait; true only for the one caller that removed it (so a run resumes once). */
  boolean claimWait(WaitRegistration wait);

  /** Marks the goal reached on a run; true only the first time. */
  boolean markGoal(JourneyRun run, Instant at);

  /** Adds to one of a journey version's counters. */
  void count(String journeyId, String version, JourneyCounter counter, long by);

  /** The versions of a journey that have had runs, oldest first. */
  List<String> versions(String journeyId);

  /** A journey version's counters, each summed over its shards. */
  Map<JourneyCounter, Long> counters(String journeyId, String version);
}
