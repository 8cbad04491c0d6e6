package dev.waymark.core.journey.steps;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.journey.FieldFilter;
import dev.waymark.core.journey.JourneyCounter;
import dev.waymark.core.journey.JourneyStore;
import dev.waymark.core.journey.TraceEntry;
import dev.waymark.core.journey.language.Step;
import dev.waymark.core.json.Json;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileService;
import dev.waymark.core.segment.SegmentMembership;
import dev.waymark.core.segment.SegmentMemberships;
import dev.waymark.core.send.MessageLog;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * A branch step: the first condition that holds chooses the next step, else the default. Traits are
 * the profile's now; entry fields the entry event's; segment membership as recorded now; engagement
 * what the message log has for an earlier send step of the same run ({@code opened} also holds
 * after a click, {@code delivered} after an open or a click: an open proves delivery). The choice
 * is traced with the condition that made it, and counted once per (run, step) ({@link
 * JourneyCounter#branch}: the condition's 1-based index, or {@code default}); a retried task
 * answers the way its first attempt counted, so the count is the way the run took.
 */
public record Branching(
    StepLedger ledger,
    ProfileService profiles,
    SegmentMemberships memberships,
    MessageLog messages,
    JourneyStore journeys,
    Clock clock) {

  public String next(StepContext step, List<Step.Condition> conditions, String otherwise) {
    Profile profile =
        profiles
            .resolve(step.profileId())
            .orElseThrow(() -> new IllegalStateException("the run's profile no longer exists"));
    int held = -1;
    for (int i = 0; i < conditions.size() && held < 0; i++) {
      if (holds(conditions.get(i), profile, step)) {
        held = i;
      }
    }
    if (!ledger.recordOnce(step, JourneyCounter.branch(step.stepId(), held))) {
      // a retry: the way an earlier attempt counted is the run's way
      held = ledger.recorded(step).map(Branching::condition).orElse(held);
    }
    boolean condition = held >= 0 && held < conditions.size();
    String next = condition ? conditions.get(held).next().orElse(null) : otherwise;
    String reason =
        condition
            ? "condition " + (held + 1) + " held (" + describe(conditions.get(held)) + ")"
            : "no condition held: the default";
    journeys.trace(
        new TraceEntry(
            clock.instant(),
            profile.id(),
            step.journeyId(),
            step.runId(),
            "branch",
            next == null ? "end" : next,
            reason,
            step.key() + "#branch"));
    return next;
  }

  /** The 0-based condition a branch counter names (-1: the default, or not a branch counter). */
  static int condition(JourneyCounter counter) {
    if (counter.kind() != JourneyCounter.Kind.BRANCH
        || !counter.outcome().chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Integer.parseInt(counter.outcome()) - 1;
  }

  boolean holds(Step.Condition condition, Profile profile, StepContext step) {
    return switch (condition) {
      case Step.TraitCondition t -> {
        ObjectNode subject = Json.object();
        subject.set("traits", profile.traits().values());
        yield new FieldFilter("traits." + t.trait(), t.op(), t.value()).test(subject);
      }
      case Step.EntryCondition e -> e.filter().test(step.entry());
      case Step.SegmentCondition s -> {
        SegmentMembership m = memberships.of(profile.id()).get(s.segment());
        yield (m != null && m.member()) == s.member();
      }
      case Step.MessageCondition m ->
          engaged(messages.feedback(profile.id(), step.runId(), m.step()), m.status());
    };
  }

  static boolean engaged(Set<String> feedback, Step.Engagement wanted) {
    return switch (wanted) {
      case clicked -> feedback.contains("click");
      case opened -> feedback.contains("open") || feedback.contains("click");
      case delivered ->
          feedback.contains("delivery") || feedback.contains("open") || feedback.contains("click");
    };
  }

  private static String describe(Step.Condition condition) {
    return switch (condition) {
      case Step.TraitCondition t -> "trait " + t.trait() + " " + t.op().key();
      case Step.EntryCondition e -> "entry " + e.filter().field() + " " + e.filter().op().key();
      case Step.SegmentCondition s ->
          (s.member() ? "in segment " : "not in segment ") + s.segment();
      case Step.MessageCondition m -> "message " + m.step() + " " + m.status();
    };
  }
}
