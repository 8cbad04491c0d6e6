package dev.waymark.core.journey;

import java.time.Instant;

/**
 * One person's run through one journey version. Held-out runs have no execution; they exist to
 * count the holdout's conversions.
 */
public record JourneyRun(
    String runId,
    String journeyId,
    String version,
    String profileId,
    String executionArn,
    Instant startedAt,
    RunStatus status,
    String entryKey,
    Instant goalReachedAt) {

  public enum RunStatus {
    running,
    held_out,
    completed,
    failed,
    exited_on_goal,
    timed_out,
    /** Ended by stopping its journey. */
    stopped,
    /**
     * Ended, how no longer known: its execution closed so long ago that the engine forgot it (Step
     * Functions: 90 days after it closed).
     */
    ended
  }

  /** The same run with another status. */
  public JourneyRun withStatus(RunStatus next) {
    return new JourneyRun(
        runId,
        journeyId,
        version,
        profileId,
        executionArn,
        startedAt,
        next,
        entryKey,
        goalReachedAt);
  }

  public boolean active() {
    return status == RunStatus.running || status == RunStatus.held_out;
  }
}
