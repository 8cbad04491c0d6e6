package dev.waymark.core.journey;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One of a journey version's counters. The only place a counter's stored name is made ({@link
 * #name()}) and read back ({@link #parse}); everything else uses this type.
 *
 * <ul>
 *   <li>{@code entered}, {@code held_out}: entries (the holdout is a control group);
 *   <li>{@code goal}, {@code goal_held_out}: goals reached by runs and by held-out people;
 *   <li>{@code exited}: runs stopped on their goal;
 *   <li>{@code stopped}: runs ended because their journey was stopped;
 *   <li>{@code refused_<decision>}: entries refused, per {@link EntryDecision};
 *   <li>{@code step:<stepId>:<status>}: a send step's outcomes;
 *   <li>{@code wait:<stepId>:<registered|performed|timed_out|stopped>}: a wait step's registrations
 *       and how they ended;
 *   <li>{@code split:<stepId>:<variant>}: the runs a split step sent down each variant;
 *   <li>{@code branch:<stepId>:<way>}: the runs a branch step sent down each way, {@code way} the
 *       1-based index of the condition that held or {@code default}.
 * </ul>
 */
public record JourneyCounter(Kind kind, String stepId, String outcome) {
  public enum Kind {
    ENTERED,
    HELD_OUT,
    GOAL,
    GOAL_HELD_OUT,
    EXITED,
    STOPPED,
    REFUSED,
    STEP,
    WAIT,
    SPLIT,
    BRANCH
  }

  /** How a wait step's registration ended (or that it was made). */
  public enum WaitOutcome {
    registered,
    performed,
    timed_out,
    /** Claimed because the journey was stopped. */
    stopped
  }

  public static final JourneyCounter ENTERED = new JourneyCounter(Kind.ENTERED, null, null);
  public static final JourneyCounter HELD_OUT = new JourneyCounter(Kind.HELD_OUT, null, null);
  public static final JourneyCounter GOAL = new JourneyCounter(Kind.GOAL, null, null);
  public static final JourneyCounter GOAL_HELD_OUT =
      new JourneyCounter(Kind.GOAL_HELD_OUT, null, null);
  public static final JourneyCounter EXITED = new JourneyCounter(Kind.EXITED, null, null);
  public static final JourneyCounter STOPPED = new JourneyCounter(Kind.STOPPED, null, null);

  private static final String REFUSED_PREFIX = "refused_";
  private static final String STEP_PREFIX = "step:";
  private static final String WAIT_PREFIX = "wait:";
  private static final String SPLIT_PREFIX = "split:";
  private static final String BRANCH_PREFIX = "branch:";

  /** A branch step's way when no condition held. */
  public static final String BRANCH_DEFAULT = "default";

  public JourneyCounter {
    Objects.requireNonNull(kind, "kind");
  }

  public static JourneyCounter refused(EntryDecision decision) {
    return new JourneyCounter(Kind.REFUSED, null, decision.name().toLowerCase(Locale.ROOT));
  }

  /** A send step's outcome ({@code status} as the send step answered it). */
  public static JourneyCounter step(String stepId, String status) {
    return new JourneyCounter(Kind.STEP, stepId, status);
  }

  public static JourneyCounter wait(String stepId, WaitOutcome outcome) {
    return new JourneyCounter(Kind.WAIT, stepId, outcome.name());
  }

  /** A run sent down a split step's variant. */
  public static JourneyCounter split(String stepId, String variant) {
    return new JourneyCounter(Kind.SPLIT, stepId, variant);
  }

  /**
   * A run sent down a branch step's way: {@code condition} the 0-based index of the condition that
   * held, or -1 for the default (stored 1-based, as the trace names it, or {@code default}).
   */
  public static JourneyCounter branch(String stepId, int condition) {
    return new JourneyCounter(
        Kind.BRANCH, stepId, condition < 0 ? BRANCH_DEFAULT : String.valueOf(condition + 1));
  }

  /** True for a wait step's registration (not its end). */
  public boolean isWaitRegistered() {
    return kind == Kind.WAIT && WaitOutcome.registered.name().equals(outcome);
  }

  /** The name the counter is stored under. */
  public String name() {
    return switch (kind) {
      case ENTERED -> "entered";
      case HELD_OUT -> "held_out";
      case GOAL -> "goal";
      case GOAL_HELD_OUT -> "goal_held_out";
      case EXITED -> "exited";
      case STOPPED -> "stopped";
      case REFUSED -> REFUSED_PREFIX + outcome;
      case STEP -> STEP_PREFIX + stepId + ":" + outcome;
      case WAIT -> WAIT_PREFIX + stepId + ":" + outcome;
      case SPLIT -> SPLIT_PREFIX + stepId + ":" + outcome;
      case BRANCH -> BRANCH_PREFIX + stepId + ":" + outcome;
    };
  }

  /** The counter stored under {@code name}; empty for a name no version of Waymark wrote. */
  public static Optional<JourneyCounter> parse(String name) {
    switch (name) {
      case "entered":
        return Optional.of(ENTERED);
      case "held_out":
        return Optional.of(HELD_OUT);
      case "goal":
        return Optional.of(GOAL);
      case "goal_held_out":
        return Optional.of(GOAL_HELD_OUT);
      case "exited":
        return Optional.of(EXITED);
      case "stopped":
        return Optional.of(STOPPED);
      default:
        break;
    }
    if (name.startsWith(REFUSED_PREFIX) && name.length() > REFUSED_PREFIX.length()) {
      return Optional.of(
          new JourneyCounter(Kind.REFUSED, null, name.substring(REFUSED_PREFIX.length())));
    }
    Kind kind =
        name.startsWith(STEP_PREFIX)
            ? Kind.STEP
            : name.startsWith(WAIT_PREFIX)
                ? Kind.WAIT
                : name.startsWith(SPLIT_PREFIX)
                    ? Kind.SPLIT
                    : name.startsWith(BRANCH_PREFIX) ? Kind.BRANCH : null;
    int last = name.lastIndexOf(':');
    int first = name.indexOf(':');
    if (kind == null || last <= first + 1 || last == name.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(
        new JourneyCounter(kind, name.substring(first + 1, last), name.substring(last + 1)));
  }

  @Override
  public String toString() {
    return name();
  }
}
