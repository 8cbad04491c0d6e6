package dev.waymark.core.journey.publish;

import dev.waymark.core.store.ConcurrentChangeException;
import java.util.List;
import java.util.Optional;

/** Journeys and their published versions, as stored. */
public interface JourneyRecords {
  Optional<JourneyRecord> find(String journeyId);

  /**
   * Saves {@code next} if the stored revision is still {@code next.revision()} (or, for revision 0,
   * nothing is stored); the stored record gets revision + 1. {@link ConcurrentChangeException}
   * otherwise.
   */
  JourneyRecord save(JourneyRecord next);

  /** Records a version; {@link ConcurrentChangeException} if that version number is taken. */
  void saveVersion(JourneyVersion version);

  Optional<JourneyVersion> version(String journeyId, int version);

  /** Every version of a journey, oldest first. */
  List<JourneyVersion> versions(String journeyId);

  /** Every journey (archived ones included), by id. */
  List<JourneyRecord> all();
}
