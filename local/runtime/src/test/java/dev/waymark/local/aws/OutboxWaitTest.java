package dev.waymark.local.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Waiting for the outbox: woken by the message that arrives, not by polling. */
class OutboxWaitTest {
  private static void send(Outbox outbox) {
    outbox.add("email", "a@example.com", "s", "b", null, Map.of(), Map.of());
  }

  @Test
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
                    waiter.complete(outbox.awaitMoreThan(1, Duration.ofMinutes(1)));
                  } catch (InterruptedException e) {
                    waiter.completeExceptionally(e);
                  }
                });
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
