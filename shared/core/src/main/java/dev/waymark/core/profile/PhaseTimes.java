package dev.waymark.core.profile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where processing time goes: the wall time spent in each phase of an event's processing (putting
 * it on its profile, then each listener), summed over every event since the start. Two clock reads
 * per phase; a benchmark takes a snapshot before and after and divides by the events.
 */
public final class PhaseTimes {
  /** The phase that puts an event on its profile ({@link ProfileService#process}). */
  public static final String PROFILE = "profile";

  private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  /** Adds one run of a phase that started at {@code startNanos} ({@link System#nanoTime}). */
  public void add(String phase, long startNanos) {
    nanos.computeIfAbsent(phase, k -> new LongAdder()).add(System.nanoTime() - startNanos);
    counts.computeIfAbsent(phase, k -> new LongAdder()).increment();
  }

  /** One phase's totals. */
  public record Total(long runs, long nanos) {}

  /** The totals so far, by phase. */
  public Map<String, Total> snapshot() {
    Map<String, Total> totals = new LinkedHashMap<>();
    nanos.forEach((phase, sum) -> totals.put(phase, new Total(counts.get(phase).sum(), sum.sum())));
    return totals;
  }
}
