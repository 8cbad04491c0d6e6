package dev.waymark.aws.dynamo;

/** The pause before retrying what DynamoDB left unprocessed or cancelled on a conflict. */
final class BackOff {
  private BackOff() {}

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted before retrying a DynamoDB request", e);
    }
  }
}
