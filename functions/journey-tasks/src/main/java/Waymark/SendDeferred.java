package Waymark;

/**
 * The error a journey's send step fails with while the person's send window is closed (quiet hours,
 * a step's window): its message is the instant the window opens (ISO-8601), which the compiled
 * journey's Catch hands to a Wait before calling the send again. Nothing was sent or recorded. A
 * Java Lambda function's error type is its exception's full class name, so this class is named
 * {@code Waymark.SendDeferred}; the local runtime reports it by the same name.
 */
public final class SendDeferred extends RuntimeException {
  public SendDeferred(String deferredUntil) {
    super(deferredUntil, null, false, false);
  }
}
