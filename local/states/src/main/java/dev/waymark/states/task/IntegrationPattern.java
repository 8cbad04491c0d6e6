package dev.waymark.states.task;

/** The service integration pattern selected by the Task resource suffix. */
public enum IntegrationPattern {
  /** No suffix: call and continue with the response. */
  REQUEST_RESPONSE,
  /** {@code .sync}: run a job and wait for it. */
  RUN_JOB,
  /** {@code .sync:2}: as RUN_JOB, output as parsed JSON. */
  RUN_JOB_JSON,
  /** {@code .waitForTaskToken}: call, then wait for SendTaskSuccess/Failure with the token. */
  WAIT_FOR_TASK_TOKEN;

  public static IntegrationPattern ofSuffix(String suffix) {
    return switch (suffix) {
      case "sync" -> RUN_JOB;
      case "sync:2" -> RUN_JOB_JSON;
      case "waitForTaskToken" -> WAIT_FOR_TASK_TOKEN;
      default -> REQUEST_RESPONSE;
    };
  }
}
