package dev.waymark.states;

import dev.waymark.states.json.Json;

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

  /**
   * A Java Lambda handler's exception as Lambda's Java runtime reports it: the error is the
   * exception's full class name (so {@code Waymark.SendDeferred} is caught by that name), the cause
   * the JSON {@code {"errorMessage", "errorType"}}.
   */
  public static StatesFailure ofJavaHandler(RuntimeException e) {
    String type = e.getClass().getName();
    return new StatesFailure(
        type,
        Json.write(
            Json.object()
                .put("errorMessage", String.valueOf(e.getMessage()))
                .put("errorType", type)));
  }

  public String error() {
    return error;
  }

  public String cause() {
    return cause;
  }
}
