package dev.waymark.local.clock;

import java.time.Instant;
import java.util.Optional;

/**
 * Work outside the engine that falls due at instants of the virtual clock (the local scheduler's
 * occurrences). While the clock advances it asks every source for its next due instant and fires
 * them, with the engine's timers, one instant at a time in time order (see {@link VirtualClock}).
 */
public interface DueSource {
  /** The earliest instant this source has work at, if any (may lie in the clock's past). */
  Optional<Instant> nextDue();

  /** Runs everything due at or before {@code now}, earliest first (the clock stands at now). */
  void fireDue(Instant now);
}
