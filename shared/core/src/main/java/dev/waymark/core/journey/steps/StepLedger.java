package dev.waymark.core.journey.steps;

import dev.waymark.core.journey.JourneyCounter;
import java.time.Instant;
import java.util.Optional;

/**
 * What makes a journey task step count once per (run, step) however often Step Functions retries
 * it: one ledger entry per (run, step).
 */
public interface StepLedger {
  /**
   * Records (run, step) and adds one to the journey version's {@code counter} in the same atomic
   * write; false (and nothing counted) when (run, step) is already recorded.
   */
  boolean recordOnce(StepContext step, JourneyCounter counter);

  /** The counter {@link #recordOnce} recorded for (run, step); empty when nothing was recorded. */
  Optional<JourneyCounter> recorded(StepContext step);

  /**
   * Claims (run, step) for a change: {@code now} when this call made the claim, else the instant of
   * the claim made first (so a retried change is made with the same identity and time).
   */
  Instant claim(StepContext step, Instant now);
}
