package dev.waymark.states.exec;

/**
 * Unwinds a line of control that was cancelled (sibling failure, StopExecution, execution timeout).
 */
final class Aborted extends RuntimeException {
  Aborted() {
    super("aborted", null, false, false);
  }
}
