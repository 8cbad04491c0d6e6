package dev.waymark.core.journey.steps;

/**
 * A webhook step that got no 2xx answer after its retries, or whose URL is refused. The message
 * names the method, host and status, never the body.
 */
public final class WebhookFailure extends RuntimeException {
  public WebhookFailure(String message) {
    super(message);
  }
}
