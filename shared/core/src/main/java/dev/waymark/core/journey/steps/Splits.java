package dev.waymark.core.journey.steps;

import dev.waymark.core.journey.JourneyCounter;
import dev.waymark.core.journey.JourneyStore;
import dev.waymark.core.journey.TraceEntry;
import dev.waymark.core.journey.language.Step;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.List;

/**
 * A split step: the variant is fixed per run by a hash, {@code SHA-256(runId + ":" + stepId)} read
 * as a number mod 100, against the variants' cumulative percents (so the same run always takes the
 * same path, and about {@code percent} of runs take each). The first answer for (run, step) is
 * recorded on the run (a trace entry of kind {@code split}) and counted ({@link
 * JourneyCounter#split}) once, however often the task is retried.
 */
public record Splits(StepLedger ledger, JourneyStore journeys, Clock clock) {

  public Step.Variant choose(StepContext step, List<Step.Variant> variants) {
    Step.Variant chosen = pick(step.runId(), step.stepId(), variants);
    // the trace is keyed by (run, step), so recording it on every attempt stores it once
    journeys.trace(
        new TraceEntry(
            clock.instant(),
            step.profileId(),
            step.journeyId(),
            step.runId(),
            "split",
            chosen.name(),
            "bucket " + bucket(step.runId(), step.stepId()) + " of 100",
            step.key() + "#split"));
    ledger.recordOnce(step, JourneyCounter.split(step.stepId(), chosen.name()));
    return chosen;
  }

  /** The variant of a run; percents must add up to 100. */
  public static Step.Variant pick(String runId, String stepId, List<Step.Variant> variants) {
    int total = variants.stream().mapToInt(Step.Variant::percent).sum();
    if (variants.isEmpty() || total != 100) {
      throw new IllegalArgumentException("the variants' percents add up to " + total + ", not 100");
    }
    int bucket = bucket(runId, stepId);
    int cumulative = 0;
    for (Step.Variant variant : variants) {
      cumulative += variant.percent();
      if (bucket < cumulative) {
        return variant;
      }
    }
    throw new IllegalStateException("unreachable: bucket " + bucket + " is below 100");
  }

  /** {@code 0..99}, the same for the same run and step on every machine. */
  public static int bucket(String runId, String stepId) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest((runId + ":" + stepId).getBytes(StandardCharsets.UTF_8));
      return (int) Long.remainderUnsigned(ByteBuffer.wrap(hash).getLong(), 100);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
