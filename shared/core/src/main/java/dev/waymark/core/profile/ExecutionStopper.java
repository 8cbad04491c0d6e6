package dev.waymark.core.profile;

/**
 * Stops a person's journey run on the workflow engine when the person is erased, so no wait, timer
 * or send of theirs runs afterwards. The journey engine's adapter implements it; stopping a run
 * that already ended is not an error.
 */
@FunctionalInterface
public interface ExecutionStopper {
  void stop(String executionArn);
}
