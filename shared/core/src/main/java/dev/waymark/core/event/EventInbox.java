package dev.waymark.core.event;

import java.util.List;
import java.util.Optional;

/** The durable inbox accepted events wait in until they are processed. */
public interface EventInbox {
  /** Stores the event unless one with its messageId is already stored; false for a duplicate. */
  boolean accept(InboundEvent event, String source);

  /**
   * Stores each event unless one with its messageId is already stored or comes earlier in the list;
   * one answer per event, in order (false for a duplicate). All are stored when it returns.
   */
  default List<Boolean> acceptAll(List<InboundEvent> events, String source) {
    return events.stream().map(event -> accept(event, source)).toList();
  }

  /**
   * The stored event of a messageId; empty once it is erased or past the de-duplication window.
   * Throws if what is stored is not a readable event.
   */
  Optional<InboundEvent> stored(String messageId);
}
