package dev.waymark.aws.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SnapStartPrimingTest {
  @Test
  void primeNowRunsEveryRegisteredPrimerAndAFailingOneDoesNotStopTheOthers() {
    AtomicInteger first = new AtomicInteger();
    AtomicInteger last = new AtomicInteger();
    SnapStartPriming.register(first::incrementAndGet);
    SnapStartPriming.register(
        () -> {
          throw new IllegalStateException("the table is not there");
        });
    SnapStartPriming.register(last::incrementAndGet);

    int before = first.get();
    SnapStartPriming.primeNow();
    SnapStartPriming.primeNow();

    assertThat(first.get()).isEqualTo(before + 2);
    assertThat(last.get()).isEqualTo(2);
  }

  @Test
  void primeNowCountsOnlyThePrimersThatRanWithoutFailing() {
    int before = SnapStartPriming.primeNow();
    SnapStartPriming.register(() -> {});
    SnapStartPriming.register(
        () -> {
          throw new IllegalArgumentException("refused");
        });

    assertThat(SnapStartPriming.primeNow()).isEqualTo(before + 1);
  }
}
