package dev.waymark.core.journey;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A journey's figures per version, from its counters: entries, goals, waits and conversion. */
public record JourneyStats(JourneyStore store) {
  /**
   * One version's figures. {@code refused} is keyed by the refusal (as in {@code
   * refused_<decision>}), {@code steps} by the step and wait counters' names, {@code splits} by
   * split step and then variant (the runs sent down each), {@code branches} by branch step and then
   * way (the condition that held, 1-based, or {@code default}); all sorted by key. A rate is null
   * when nobody was counted in its denominator.
   */
  public record VersionStats(
      String version,
      long entered,
      long heldOut,
      long goalReached,
      long exited,
      long stopped,
      long waiting,
      Double conversionRate,
      Double holdoutConversionRate,
      Map<String, Long> refused,
      Map<String, Long> steps,
      Map<String, Map<String, Long>> splits,
      Map<String, Map<String, Long>> branches) {}

  /** Every version of the journey that has had runs, oldest first. */
  public List<VersionStats> of(String journeyId) {
    return store.versions(journeyId).stream()
        .map(v -> of(v, store.counters(journeyId, v)))
        .toList();
  }

  static VersionStats of(String version, Map<JourneyCounter, Long> counters) {
    long entered = counters.getOrDefault(JourneyCounter.ENTERED, 0L);
    long heldOut = counters.getOrDefault(JourneyCounter.HELD_OUT, 0L);
    long goal = counters.getOrDefault(JourneyCounter.GOAL, 0L);
    Map<String, Long> refused = new TreeMap<>();
    Map<String, Long> steps = new TreeMap<>();
    Map<String, Map<String, Long>> splits = new TreeMap<>();
    Map<String, Map<String, Long>> branches = new TreeMap<>();
    long registered = 0;
    long resolved = 0;
    for (Map.Entry<JourneyCounter, Long> c : counters.entrySet()) {
      JourneyCounter counter = c.getKey();
      switch (counter.kind()) {
        case REFUSED -> refused.merge(counter.outcome(), c.getValue(), Long::sum);
        case STEP -> steps.merge(counter.name(), c.getValue(), Long::sum);
        case SPLIT -> perStep(splits, counter, c.getValue());
        case BRANCH -> perStep(branches, counter, c.getValue());
        case WAIT -> {
          steps.merge(counter.name(), c.getValue(), Long::sum);
          if (counter.isWaitRegistered()) {
            registered += c.getValue();
          } else {
            resolved += c.getValue();
          }
        }
        default -> {}
      }
    }
    return new VersionStats(
        version,
        entered,
        heldOut,
        goal,
        counters.getOrDefault(JourneyCounter.EXITED, 0L),
        counters.getOrDefault(JourneyCounter.STOPPED, 0L),
        Math.max(0, registered - resolved),
        rate(goal, entered),
        rate(counters.getOrDefault(JourneyCounter.GOAL_HELD_OUT, 0L), heldOut),
        refused,
        steps,
        splits,
        branches);
  }

  private static void perStep(
      Map<String, Map<String, Long>> into, JourneyCounter counter, long value) {
    into.computeIfAbsent(counter.stepId(), s -> new TreeMap<>())
        .merge(counter.outcome(), value, Long::sum);
  }

  private static Double rate(long goals, long of) {
    return of == 0 ? null : (double) goals / of;
  }
}
