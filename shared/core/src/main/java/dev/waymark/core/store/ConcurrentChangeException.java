package dev.waymark.core.store;

/** A conditional write lost a race: someone changed what it read. Read again and retry. */
public final class ConcurrentChangeException extends RuntimeException {
  public ConcurrentChangeException(String message) {
    super(message, null, false, false);
  }
}
