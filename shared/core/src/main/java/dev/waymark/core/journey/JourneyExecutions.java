package dev.waymark.core.journey;

/**
 * The workflow engine that runs journeys (Step Functions, or the local executor behind its API).
 */
public interface JourneyExecutions {
  /** Starts a run; a repeated call with the same name and input returns the same execution. */
  String start(String stateMachineArn, String runName, String inputJson);

  /** Stops a run (goal reached, exit). Stopping a run that already ended is not an error. */
  void stop(String executionArn, String error, String cause);

  /**
   * What {@link #status} answers for an execution the engine no longer knows: Step Functions
   * forgets an execution 90 days after it closed (the local engine also past its cap on closed
   * executions), so the run has ended, but how is no longer known.
   */
  String FORGOTTEN = "FORGOTTEN";

  /**
   * The execution's status as the engine reports it: RUNNING, SUCCEEDED, FAILED, TIMED_OUT or
   * ABORTED; {@link #FORGOTTEN} when the engine no longer knows the execution.
   */
  String status(String executionArn);

  /** Resumes a run paused on a task token; false when the token is no longer waited on. */
  boolean resume(String taskToken, String outputJson);
}
