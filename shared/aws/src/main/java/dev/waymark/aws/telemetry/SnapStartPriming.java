package dev.waymark.aws.telemetry;

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
 */
public final class SnapStartPriming implements Resource {
  private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);
  private final Runnable primer;

  private SnapStartPriming(Runnable primer) {
    this.primer = primer;
  }

  /** Registers a primer with the runtime's CRaC context (a no-op outside SnapStart). */
  public static void register(Runnable primer) {
    Core.getGlobalContext().register(new SnapStartPriming(primer));
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    try {
      primer.run();
    } catch (RuntimeException e) {
      LOG.warn("SnapStart priming skipped: {}", e.getClass().getSimpleName());
    }
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // nothing to refresh: clients hold no per-environment state that a restore invalidates
  }
}
