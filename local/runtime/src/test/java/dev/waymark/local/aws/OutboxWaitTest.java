package dev.waymark.local.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Waiting for the outbox: woken by the message that arrives, not by polling. */
class OutboxWaitTest {
  private static void send(Outbox outbox) {
    outbox.add("email", "a@example.com", "s", "b", null, Map.of(), Map.of());
  }

  /**
   * The waiter is parked in its wait before the message is sent (its thread state says so), and
   * waits up to ten minutes: only the message's notification can end it within the test's limit.
   */
  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aWaiterReturnsOnceAMessageBeyondTheCountArrives() throws Exception {
    Outbox outbox = new Outbox(Clock.systemUTC());
    send(outbox);
    AtomicInteger told = new AtomicInteger();
    outbox.afterEachMessage(told::incrementAndGet);

    CompletableFuture<Boolean> waiter = new CompletableFuture<>();
    Thread waiting =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    waiter.complete(outbox.awaitMoreThan(1, Duration.ofMinutes(10)));
                  } catch (InterruptedException e) {
                    waiter.completeExceptionally(e);
                  }
                });
    while (waiting.getState() != Thread.State.TIMED_WAITING) {
      Thread.onSpinWait();
    }
    Thread.ofPlatform().start(() -> send(outbox)).join();
    waiting.join();

    assertThat(waiter.get()).isTrue();
    assertThat(outbox.size()).isEqualTo(2);
    assertThat(told.get()).isEqualTo(1);
  }

  @Test
  void aWaiterGivesUpAtItsTimeoutWhenNothingArrives() throws Exception {
    Outbox outbox = new Outbox(Clock.systemUTC());
    send(outbox);
    assertThat(outbox.awaitMoreThan(0, Duration.ZERO)).isTrue();
    assertThat(outbox.awaitMoreThan(1, Duration.ofMillis(20))).isFalse();
  }
}
