package dev.waymark.aws.dynamo;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Group commit tests: a DynamoDB client whose subclasses route the operations they test through
 * {@link #pass}, which holds the first request until the test lets it go ({@link #release}).
 */
abstract class HeldClient implements DynamoDbClient {
  final CountDownLatch release = new CountDownLatch(1);
  private final AtomicBoolean first = new AtomicBoolean(true);

  /** Returns at once, except for the first call, which waits for {@link #release}. */
  void pass() {
    if (first.getAndSet(false)) {
      try {
        release.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Waits (no sleeping: it spins) until a request is in flight and {@code n} callers queue. */
  static void awaitQueued(GroupCommit<?> grouped, int n) {
    while (grouped.queued() != n || !grouped.inFlight()) {
      Thread.onSpinWait();
    }
  }

  @Override
  public String serviceName() {
    return "dynamodb";
  }

  @Override
  public void close() {}
}
