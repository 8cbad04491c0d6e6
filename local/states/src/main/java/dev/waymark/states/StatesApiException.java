package dev.waymark.states;

/**
 * An API-level error (what the AWS Step Functions API would return as an error code), e.g.
 * ExecutionAlreadyExists.
 */
public class StatesApiException extends RuntimeException {
  private final String code;

  public StatesApiException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
