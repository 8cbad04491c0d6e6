package dev.waymark.local.faults;

import dev.waymark.local.faults.FaultPlan.Target;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The faults the local runtime injects now, and how many it has injected. Decisions are a seeded
 * sequence per target: the n-th call a target sees (among the operations it applies to) gets a
 * fault when a hash of (seed, target, n) falls under the rates — so the same seed and the same
 * calls in the same order give the same faults. (Which call is the n-th depends on the order calls
 * arrive in, which concurrent processing can change; tests assert on outcomes, not on which call
 * failed.)
 */
public final class Faults {
  /** What a call gets. */
  public enum Fault {
    NONE,
    /**
     * DynamoDB, SES, SNS: throttled; tasks: the function failed to run (Lambda.ServiceException)
     */
    FIRST,
    /** DynamoDB, SES, SNS: an internal error; tasks: the function timed out after running */
    SECOND
  }

  private volatile FaultPlan plan = FaultPlan.none();
  private final Map<Target, AtomicLong> calls = new EnumMap<>(Target.class);
  private final Map<Target, AtomicLong[]> injected = new EnumMap<>(Target.class);

  public Faults() {
    for (Target target : Target.values()) {
      calls.put(target, new AtomicLong());
      injected.put(target, new AtomicLong[] {new AtomicLong(), new AtomicLong()});
    }
  }

  /** Replaces the plan and restarts the sequences and the counts. */
  public synchronized void set(FaultPlan next) {
    for (Target target : Target.values()) {
      calls.get(target).set(0);
      injected.get(target)[0].set(0);
      injected.get(target)[1].set(0);
    }
    plan = next;
  }

  public FaultPlan plan() {
    return plan;
  }

  /** The fault (if any) the next call of {@code operation} on {@code target} gets. */
  public Fault next(Target target, String operation) {
    FaultPlan current = plan;
    FaultPlan.Rates rates = current.rates(target);
    if ((rates.first() == 0 && rates.second() == 0) || !rates.appliesTo(operation)) {
      return Fault.NONE;
    }
    long n = calls.get(target).getAndIncrement();
    double u = uniform(current.seed(), target.ordinal(), n);
    if (u < rates.first()) {
      injected.get(target)[0].incrementAndGet();
      return Fault.FIRST;
    }
    if (u < rates.first() + rates.second()) {
      injected.get(target)[1].incrementAndGet();
      return Fault.SECOND;
    }
    return Fault.NONE;
  }

  /** Faults injected since the plan was set, per target and kind (as the plan names them). */
  public Map<String, Map<String, Long>> injected() {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    for (Target target : Target.values()) {
      Map<String, Long> kinds = new LinkedHashMap<>();
      kinds.put("calls", calls.get(target).get());
      kinds.put(kindName(target.firstRate), injected.get(target)[0].get());
      kinds.put(kindName(target.secondRate), injected.get(target)[1].get());
      out.put(target.key(), kinds);
    }
    return out;
  }

  /** All faults injected since the plan was set. */
  public long total() {
    return injected.values().stream().mapToLong(k -> k[0].get() + k[1].get()).sum();
  }

  private static String kindName(String rate) {
    return rate.replace("Rate", "s"); // throttleRate -> throttles
  }

  /** A uniform number in [0, 1) from (seed, target, n): SplitMix64's finaliser. */
  static double uniform(long seed, int target, long n) {
    long z = seed * 0x9E3779B97F4A7C15L + target * 0xBF58476D1CE4E5B9L + n * 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53;
  }
}
