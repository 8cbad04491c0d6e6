package dev.waymark.core.event;

import java.util.Optional;

/** The durable inbox accepted events wait in until they are processed. */
public interface EventInbox {
  /** Stores the event unless one with its messageId is already stored; false for a duplicate. */
  boolean accept(InboundEvent event, String source);

  /**
   * The stored event of a messageId; empty once it is erased or past the de-duplication window.
   * Throws if what is stored is not a readable event.
   */
  Optional<InboundEvent> stored(String messageId);
}
