package dev.waymark.core.journey;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.json.Json;
import dev.waymark.core.profile.ProcessOutcome;
import dev.waymark.core.profile.ProcessedEventListener;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.store.ConcurrentChangeException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Routes each processed event to journeys, in this order: resume runs waiting for it; record goals
 * (and stop runs whose journey exits on goal); start runs whose entry rules it meets. Idempotent: a
 * replayed event finds its waits claimed, its goals marked and its entries recorded under the
 * event's key, and a re-issued StartExecution with the same name is harmless.
 */
public record JourneyRouter(
    JourneyCatalog catalog,
    JourneyStore store,
    JourneyExecutions executions,
    Predicate<AudienceCheck> audience,
    Clock clock,
    WaitHorizons waits)
    implements ProcessedEventListener {
  static final int MAX_ENTRY_ATTEMPTS = 16;

  public JourneyRouter(
      JourneyCatalog catalog,
      JourneyStore store,
      JourneyExecutions executions,
      Predicate<AudienceCheck> audience,
      Clock clock) {
    this(catalog, store, executions, audience, clock, WaitHorizons.NONE);
  }

  /**
   * This router for one stream batch: what the store can tell cheaply about the waits of the
   * batch's known people is read together first ({@link JourneyStore#waitHorizons}: one {@code
   * BatchGetItem} per 100 on DynamoDB), so an event no wait can be open for does not query them. If
   * that read fails, each event queries as before.
   */
  @Override
  public ProcessedEventListener forBatch(
      List<InboundEvent> events, Function<InboundEvent, Optional<String>> knownProfileOf) {
    Set<String> known = new LinkedHashSet<>();
    for (InboundEvent event : events) {
      if (event != null) {
        knownProfileOf.apply(event).ifPresent(known::add);
      }
    }
    if (known.isEmpty()) {
      return this;
    }
    try {
      return store
          .waitHorizons(known)
          .<ProcessedEventListener>map(
              read ->
                  new JourneyRouter(
                      catalog, store, executions, audience, clock, new WaitHorizons(read)))
          .orElse(this);
    } catch (RuntimeException readFailed) {
      return this;
    }
  }

  /** Whether a person is in a segment (the audience of a journey). */
  public record AudienceCheck(String profileId, String segmentId) {}

  @Override
  public void onProcessed(ProcessOutcome outcome, InboundEvent event) {
    Profile profile = outcome.profile();
    List<JourneyDefinition> journeys = catalog.journeys();
    if (outcome.joinedProfiles()) {
      waits.forget(profile.id()); // the merged-away person's waits are the survivor's now
    }
    if (!outcome.createdProfile() // a person this event created has no runs, so no waits
        && waits.mayHaveWaits(profile.id(), event.eventName(), event.timestamp())) {
      resumeWaits(profile, event);
    }
    if (anyGoalOn(journeys, event.eventName())) {
      recordGoals(profile, event);
    }
    for (JourneyDefinition journey : journeys) {
      if (journey.entry().matches(event, profile)) {
        switch (catalog.state(journey.id())) {
          case live -> enter(journey, profile, event);
          case paused -> refuse(journey, profile, event, EntryDecision.PAUSED);
          default -> refuse(journey, profile, event, EntryDecision.STOPPED);
        }
      }
    }
  }

  private void resumeWaits(Profile profile, InboundEvent event) {
    ObjectNode subject = EventMatcher.subject(event, profile);
    for (WaitRegistration wait : store.waitsFor(profile.id(), event.eventName())) {
      boolean correlated =
          wait.correlationField() == null
              || java.util.Objects.equals(
                  wait.correlationValue(), textAt(subject, wait.correlationField()));
      if (!event.timestamp().isAfter(wait.expiresAt())
          && correlated
          && wait.matcher().matches(event, profile)
          && store.claimWait(wait)) {
        ObjectNode output = Json.object().put("performed", true).put("event", event.eventName());
        output.set("properties", event.properties());
        output.put("messageId", event.messageId());
        executions.resume(wait.taskToken(), Json.write(output));
        store.count(
            wait.journeyId(),
            wait.version(),
            JourneyCounter.wait(wait.stepId(), JourneyCounter.WaitOutcome.performed),
            1);
        store.trace(
            new TraceEntry(
                clock.instant(),
                profile.id(),
                wait.journeyId(),
                wait.runId(),
                "wait",
                "performed",
                event.eventName() + " arrived before " + wait.expiresAt(),
                event.messageId() + "#" + wait.stepId()));
      }
    }
  }

  private static String textAt(ObjectNode subject, String field) {
    var value = FieldFilter.resolve(subject, field);
    return value == null ? null : value.asText();
  }

  /**
   * Whether any published journey has a goal on this event name; when none has, no run's goal can
   * be reached by it (goals are read from the published definitions), so the runs are not read.
   */
  private static boolean anyGoalOn(List<JourneyDefinition> journeys, String eventName) {
    return journeys.stream()
        .flatMap(j -> j.goals().stream())
        .anyMatch(goal -> goal.event().event().equals(eventName));
  }

  /** A run's goal is reached once, by the first of its journey's goals the event matches. */
  private void recordGoals(Profile profile, InboundEvent event) {
    for (JourneyRun run : store.runs(profile.id())) {
      var journey = catalog.find(run.journeyId());
      if (journey.isEmpty() || run.goalReachedAt() != null) {
        continue;
      }
      for (JourneyDefinition.Goal goal : journey.get().goals()) {
        boolean inWindow =
            !event.timestamp().isBefore(run.startedAt())
                && !event.timestamp().isAfter(goal.within().after(run.startedAt()));
        if (inWindow && goal.event().matches(event, profile)) {
          if (store.markGoal(run, event.timestamp())) {
            reachGoal(run, goal, event);
          }
          break;
        }
      }
    }
  }

  private void reachGoal(JourneyRun run, JourneyDefinition.Goal goal, InboundEvent event) {
    store.count(
        run.journeyId(),
        run.version(),
        run.status() == JourneyRun.RunStatus.held_out
            ? JourneyCounter.GOAL_HELD_OUT
            : JourneyCounter.GOAL,
        1);
    store.trace(
        new TraceEntry(
            clock.instant(),
            run.profileId(),
            run.journeyId(),
            run.runId(),
            "goal",
            "reached",
            event.eventName() + " within " + goal.within() + " of entering",
            event.messageId() + "#goal"));
    if (goal.exitOnGoal() && run.status() == JourneyRun.RunStatus.running) {
      executions.stop(
          run.executionArn(), "Waymark.GoalReached", "goal " + event.eventName() + " reached");
      store.waitsOfRun(run.profileId(), run.runId()).forEach(store::claimWait);
      store.updateRun(
          new JourneyRun(
              run.runId(),
              run.journeyId(),
              run.version(),
              run.profileId(),
              run.executionArn(),
              run.startedAt(),
              JourneyRun.RunStatus.exited_on_goal,
              run.entryKey(),
              event.timestamp()));
      store.count(run.journeyId(), run.version(), JourneyCounter.EXITED, 1);
    }
  }

  private void enter(JourneyDefinition journey, Profile profile, InboundEvent event) {
    String key = event.messageId();
    for (int attempt = 0; attempt < MAX_ENTRY_ATTEMPTS; attempt++) {
      Membership membership = store.membership(journey.id(), profile.id());
      if (membership.hasEntry(key)) {
        membership.entries().stream()
            .filter(e -> e.key().equals(key) && e.decision() == EntryDecision.ENTERED)
            .findFirst()
            .ifPresent(e -> startRun(journey, profile, event, e.at()));
        return;
      }
      Instant now = clock.instant();
      EntryDecision decision = decide(journey, profile.id(), membership, now);
      if (!decision.enters()) {
        refuse(journey, profile, event, decision);
        return;
      }
      JourneyRun run =
          newRun(
              RunNames.of(journey.id(), profile.id(), key),
              journey,
              profile,
              event,
              now,
              decision == EntryDecision.HELD_OUT
                  ? JourneyRun.RunStatus.held_out
                  : JourneyRun.RunStatus.running);
      try {
        store.enter(
            membership.entered(
                new Membership.Entry(now, key, decision), EntryPolicy.lockedUntil(journey, now)),
            run,
            new TraceEntry(
                now,
                profile.id(),
                journey.id(),
                run.runId(),
                "entry",
                decision.name().toLowerCase(),
                reasonFor(journey, decision),
                key + "#entry#" + journey.id()),
            decision == EntryDecision.HELD_OUT ? JourneyCounter.HELD_OUT : JourneyCounter.ENTERED);
      } catch (ConcurrentChangeException lostRace) {
        continue;
      }
      if (decision != EntryDecision.HELD_OUT) {
        start(journey, profile, event, run);
      }
      return;
    }
    throw new IllegalStateException("entry to " + journey.id() + " kept losing races");
  }

  /**
   * The decision on an entry at {@code now} to a live journey: its dates, its audience, then {@link
   * EntryPolicy#decide} (also what {@link EntryRefusals} asks ahead of an audience run's events).
   */
  EntryDecision decide(
      JourneyDefinition journey, String profileId, Membership membership, Instant now) {
    return EntryPolicy.outsideDates(journey, now)
        .orElseGet(
            () ->
                journey.audience().stream()
                        .allMatch(s -> audience.test(new AudienceCheck(profileId, s)))
                    ? EntryPolicy.decide(journey, membership, now)
                    : EntryDecision.NOT_IN_AUDIENCE);
  }

  /** A run entered now: not started on Step Functions yet, its entry key the event's id. */
  private static JourneyRun newRun(
      String runId,
      JourneyDefinition journey,
      Profile profile,
      InboundEvent event,
      Instant at,
      JourneyRun.RunStatus status) {
    return new JourneyRun(
        runId,
        journey.id(),
        journey.version(),
        profile.id(),
        null,
        at,
        status,
        event.messageId(),
        null);
  }

  private void startRun(
      JourneyDefinition journey, Profile profile, InboundEvent event, Instant enteredAt) {
    String runId = RunNames.of(journey.id(), profile.id(), event.messageId());
    JourneyRun run =
        store.recordRun(
            newRun(runId, journey, profile, event, enteredAt, JourneyRun.RunStatus.running));
    if (run.executionArn() == null) {
      start(journey, profile, event, run);
    }
  }

  /** Starts a recorded run's execution (the run's name is its id) and records its ARN. */
  private void start(
      JourneyDefinition journey, Profile profile, InboundEvent event, JourneyRun run) {
    String runId = run.runId();
    ObjectNode input =
        Json.object()
            .put("journeyId", journey.id())
            .put("version", journey.version())
            .put("runId", runId)
            .put("profileId", profile.id());
    input.set("entry", Json.parse(event.toStoredJson()));
    String executionArn =
        executions.start(catalog.stateMachineArn(journey.id()), runId, Json.write(input));
    store.updateRun(
        new JourneyRun(
            runId,
            journey.id(),
            journey.version(),
            profile.id(),
            executionArn,
            run.startedAt(),
            run.status(),
            run.entryKey(),
            run.goalReachedAt()));
  }

  private void refuse(
      JourneyDefinition journey, Profile profile, InboundEvent event, EntryDecision decision) {
    store.traceAndCountOnce(
        refusal(journey, profile.id(), event.messageId(), decision),
        journey.version(),
        JourneyCounter.refused(decision));
  }

  /** The trace of a refused entry, keyed by the entry event's messageId. */
  TraceEntry refusal(
      JourneyDefinition journey, String profileId, String messageId, EntryDecision decision) {
    return new TraceEntry(
        clock.instant(),
        profileId,
        journey.id(),
        null,
        "entry",
        decision.name().toLowerCase(),
        reasonFor(journey, decision),
        messageId + "#entry#" + journey.id());
  }

  private static String reasonFor(JourneyDefinition journey, EntryDecision decision) {
    return switch (decision) {
      case ENTERED -> "met the entry rules of " + journey.id();
      case NOT_STARTED ->
          "journey starts at " + journey.startsAt().map(Object::toString).orElse("");
      case ENDED -> "journey ended at " + journey.endsAt().map(Object::toString).orElse("");
      case HELD_OUT -> "in the " + journey.holdoutPercent() + "% holdout: counted, sent nothing";
      case ALREADY_ENTERED_ONCE -> "eligibility is once and the person already entered";
      case LOCKED ->
          "locked for " + journey.lock().map(Span::toString).orElse("") + " after the last entry";
      case CAPPED ->
          "entry cap of "
              + journey.entryCap().map(c -> c.count() + " within " + c.within()).orElse("")
              + " reached";
      case NOT_IN_AUDIENCE -> "not in the audience segments " + journey.audience();
      case PAUSED -> "journey paused";
      case STOPPED -> "journey stopped";
    };
  }
}
