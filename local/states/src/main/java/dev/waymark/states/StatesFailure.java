package dev.waymark.states;

/**
 * A failure inside an execution, with the AWS error name and cause. Lambda handlers and service
 * integrations throw it to fail a task with a specific error (e.g. {@code new
 * StatesFailure("CustomException", "message")}).
 */
public class StatesFailure extends RuntimeException {
  private final String error;
  private final String cause;

  public StatesFailure(String error, String cause) {
    super(error + ": " + cause);
    this.error = error;
    this.cause = cause;
  }

  public String error() {
    return error;
  }

  public String cause() {
    return cause;
  }
}
