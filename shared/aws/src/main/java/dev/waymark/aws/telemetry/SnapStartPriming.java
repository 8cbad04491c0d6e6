package dev.waymark.aws.telemetry;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart priming: before Lambda takes the snapshot of an initialised function, run a few
 * side-effect-free calls (a read of a key that does not exist, a validation) so that class loading,
 * JIT warm-up and the SDK's first-call work are in the snapshot rather than in the first request. A
 * primer that fails only loses the warm-up; it never fails the function.
 *
 * <p>The primers are kept here, strongly: CRaC's global context holds its resources weakly, so a
 * resource nothing else references may be collected before the checkpoint; and outside a CRaC
 * runtime the context drops what is registered, so {@link #primeNow()} runs them as a checkpoint
 * would ({@code ./waymark bench coldstart} times a cold JVM with and without them).
 */
public final class SnapStartPriming implements Resource {
  private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);
  private static final List<SnapStartPriming> REGISTERED = new CopyOnWriteArrayList<>();
  private final Runnable primer;

  private SnapStartPriming(Runnable primer) {
    this.primer = primer;
  }

  /** Registers a primer with the runtime's CRaC context (a no-op outside SnapStart). */
  public static void register(Runnable primer) {
    SnapStartPriming resource = new SnapStartPriming(primer);
    REGISTERED.add(resource);
    Core.getGlobalContext().register(resource);
  }

  /**
   * Runs every primer registered so far, as {@code beforeCheckpoint} does; returns how many ran
   * without failing.
   */
  public static int primeNow() {
    int primed = 0;
    for (SnapStartPriming resource : REGISTERED) {
      primed += resource.prime() ? 1 : 0;
    }
    return primed;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    prime();
  }

  private boolean prime() {
    try {
      primer.run();
      return true;
    } catch (RuntimeException e) {
      LOG.warn("SnapStart priming skipped: {}", e.getClass().getSimpleName());
      return false;
    }
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // nothing to refresh: clients hold no per-environment state that a restore invalidates
  }
}
