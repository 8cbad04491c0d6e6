package Waymark;

/**
 * The error a journey's webhook step fails with when no 2xx answer came after its retries (or its
 * URL is refused). A Java Lambda function's error type is its exception's class name, so this class
 * is named {@code Waymark.WebhookFailed}: the name compiled journeys Catch to take {@code onError}.
 * The local runtime reports a handler's exception by the same full class name.
 */
public final class WebhookFailed extends RuntimeException {
  public WebhookFailed(String message, Throwable cause) {
    super(message, cause);
  }
}
