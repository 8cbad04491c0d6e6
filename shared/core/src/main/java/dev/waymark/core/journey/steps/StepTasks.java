package dev.waymark.core.journey.steps;

import dev.waymark.core.journey.JourneyStore;
import dev.waymark.core.journey.TraceEntry;
import dev.waymark.core.journey.language.Step;
import dev.waymark.core.profile.PersonZone;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The journey steps Step Functions cannot do alone, behind the one steps task function: {@code
 * waitUntil} (here), {@code branch} ({@link Branching}), {@code split} ({@link Splits}), {@code
 * update} ({@link TraitUpdates}) and {@code webhook} ({@link Webhooks}).
 */
public record StepTasks(
    ProfileService profiles,
    JourneyStore journeys,
    ZoneId defaultZone,
    Clock clock,
    Branching branching,
    Splits splits,
    TraitUpdates updates,
    Webhooks webhooks) {

  /**
   * When a {@code wait ... until} ends for this person ({@link WaitUntil}, in their time zone). A
   * date field the person does not have (or that is not a date) ends the wait now, traced with the
   * reason, rather than failing the run.
   */
  public Instant waitUntil(StepContext step, Step.Until until) {
    Profile profile =
        profiles
            .resolve(step.profileId())
            .orElseThrow(() -> new IllegalStateException("the run's profile no longer exists"));
    Instant now = clock.instant();
    Optional<Instant> at =
        WaitUntil.at(
            until,
            now,
            PersonZone.of(profile, defaultZone),
            profile.traits().values(),
            step.entry());
    if (at.isEmpty()) {
      journeys.trace(
          new TraceEntry(
              now,
              profile.id(),
              step.journeyId(),
              step.runId(),
              "wait",
              "no_date",
              until.date().orElse("date") + " is missing or not a date: the wait ends now",
              step.key() + "#until"));
    }
    return at.orElse(now);
  }
}
