package dev.waymark.core.journey;

/**
 * Where a journey is in its life: a {@code draft} never published; {@code live} (entries allowed);
 * {@code paused} (entries refused, runs go on); {@code stopped} (entries refused, runs ended);
 * {@code archived} (hidden from the list). The router's catalog holds live, paused and stopped
 * journeys.
 */
public enum JourneyState {
  draft,
  live,
  paused,
  stopped,
  archived;

  /** Published and not archived: in the router's catalog. */
  public boolean inCatalog() {
    return this == live || this == paused || this == stopped;
  }
}
