package dev.waymark.core.journey;

/** Why a person did or did not enter a journey; every decision is kept in the trace. */
public enum EntryDecision {
  ENTERED,
  NOT_STARTED,
  ENDED,
  HELD_OUT,
  ALREADY_ENTERED_ONCE,
  LOCKED,
  CAPPED,
  NOT_IN_AUDIENCE,
  /** The journey is paused: no new entries until it is resumed. */
  PAUSED,
  /** The journey is stopped: no new entries, its runs were ended. */
  STOPPED;

  public boolean enters() {
    return this == ENTERED || this == HELD_OUT;
  }
}
