package dev.waymark.states.clock;

/** How {@link EngineClock} moves time. */
public enum ClockMode {
  /** Wall-clock time; waits really sleep. */
  REAL,
  /** Virtual time that jumps to the next due timer as soon as no engine work can run. */
  SKIP,
  /**
   * Virtual time that only moves when the host calls {@link EngineClock#advance} / {@link
   * EngineClock#advanceTo}.
   */
  MANUAL
}
