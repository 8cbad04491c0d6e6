package dev.waymark.core.event;

/** The durable inbox accepted events wait in until they are processed. */
public interface EventInbox {
  /** Stores the event unless one with its messageId is already stored; false for a duplicate. */
  boolean accept(InboundEvent event, String source);
}
