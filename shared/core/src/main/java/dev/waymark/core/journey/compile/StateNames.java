package dev.waymark.core.journey.compile;

/**
 * State names: {@code <kind>:<step id>[:<part>]}, readable in the execution history and stable
 * while the step keeps its id. Step ids are at most 48 characters, so names stay within ASL's 80.
 */
final class StateNames {
  /** The state that sets the run's variables when the first step is also a repeat's target. */
  static final String START = "start";

  /** Where a path without a next step ends the run. */
  static final String END = "end";

  private static final int MAX = 80;

  private StateNames() {}

  static String of(String kind, String stepId) {
    return checked(kind + ":" + stepId);
  }

  static String of(String kind, String stepId, String part) {
    return checked(kind + ":" + stepId + ":" + part);
  }

  private static String checked(String name) {
    if (name.length() > MAX) {
      throw new IllegalArgumentException("state name longer than 80 characters: " + name);
    }
    return name;
  }
}
