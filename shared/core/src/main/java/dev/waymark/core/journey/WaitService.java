package dev.waymark.core.journey;

import dev.waymark.core.profile.ProfileService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The wait step of a journey ("did they do X within Y?"): registers "resume this run when the
 * person performs the event" with the state's task token, and, on the timed-out branch, removes the
 * registration and records the timeout. The router resumes the run when the event arrives.
 */
public record WaitService(ProfileService profiles, JourneyStore store, Clock clock) {
  /** Which run and step a wait belongs to. */
  public record Step(
      String profileId, String journeyId, String version, String runId, String stepId) {}

  /**
   * What to wait for: the event matching {@code matcher}, carrying {@code correlationValue} in
   * {@code correlationField} when a field is given, within {@code timeout}.
   */
  public record Await(
      EventMatcher matcher,
      String correlationField,
      String correlationValue,
      String taskToken,
      Duration timeout) {}

  /** Registers the wait; returns when it expires. */
  public Instant register(Step step, Await await) {
    String profileId = liveProfile(step.profileId());
    Instant expires = clock.instant().plus(await.timeout());
    store.registerWait(
        new WaitRegistration(
            profileId,
            step.runId(),
            step.stepId(),
            step.journeyId(),
            step.version(),
            await.matcher(),
            await.correlationField(),
            await.correlationValue(),
            await.taskToken(),
            expires));
    store.count(
        step.journeyId(),
        step.version(),
        JourneyCounter.wait(step.stepId(), JourneyCounter.WaitOutcome.registered),
        1);
    return expires;
  }

  /**
   * The timed-out branch: removes the step's registration and records the timeout. Idempotent: a
   * second call (a retried task, or a send re-run after a deferral) finds nothing to claim and
   * counts nothing; the trace has one key per run and step.
   */
  public void timedOut(Step step) {
    String profileId = liveProfile(step.profileId());
    long claimed =
        store.waitsOfRun(profileId, step.runId()).stream()
            .filter(w -> w.stepId().equals(step.stepId()))
            .filter(store::claimWait)
            .count();
    store.trace(
        new TraceEntry(
            clock.instant(),
            profileId,
            step.journeyId(),
            step.runId(),
            "wait",
            "timed_out",
            "the awaited event did not arrive in time",
            step.runId() + "#" + step.stepId() + "#timeout"));
    if (claimed > 0) {
      store.count(
          step.journeyId(),
          step.version(),
          JourneyCounter.wait(step.stepId(), JourneyCounter.WaitOutcome.timed_out),
          1);
    }
  }

  /** The profile the run's person lives on now (a merged profile redirects to its survivor). */
  private String liveProfile(String profileId) {
    return profiles
        .resolve(profileId)
        .map(p -> p.id())
        .orElseThrow(() -> new IllegalStateException("the run's profile no longer exists"));
  }
}
