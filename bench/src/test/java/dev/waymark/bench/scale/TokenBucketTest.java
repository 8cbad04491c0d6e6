package dev.waymark.bench.scale;

import static dev.waymark.bench.scale.EventLoop.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
  @Test
  void startsFullAndRefusesTheCallPastItsSize() {
    TokenBucket bucket = new TokenBucket(800, 300);
    for (int i = 0; i < 800; i++) {
      assertThat(bucket.tryTake(0, 1)).isTrue();
    }
    assertThat(bucket.tryTake(0, 1)).isFalse();
    assertThat(bucket.tokens(0)).isZero();
  }

  @Test
  void refillsAtItsRateAndNeverBeyondItsSize() {
    TokenBucket bucket = new TokenBucket(800, 300);
    bucket.tryTake(0, 800);
    assertThat(bucket.tokens(SECOND)).isEqualTo(300.0);
    assertThat(bucket.tokens(SECOND / 2 * 3)).isEqualTo(450.0);
    assertThat(bucket.tokens(3_600 * SECOND)).isEqualTo(800.0);
  }

  @Test
  void sustainsItsSizePlusItsRefillOverTime() {
    TokenBucket bucket = new TokenBucket(800, 300);
    int served = 0;
    for (long t = 0; t <= 10 * SECOND; t += SECOND / 1_000) { // a call every millisecond
      if (bucket.tryTake(t, 1)) {
        served++;
      }
    }
    assertThat(served).isBetween(800 + 3_000 - 1, 800 + 3_000);
  }

  @Test
  void aReservationGoesIntoDebtAndSaysWhenItIsCovered() {
    TokenBucket bucket = new TokenBucket(10, 10);
    assertThat(bucket.reserve(0, 10)).isZero();
    long covered = bucket.reserve(0, 5);
    assertThat(covered).isBetween(SECOND / 2, SECOND / 2 + 2);
    assertThat(bucket.tokens(0)).isEqualTo(-5.0);
    // a later reservation waits behind the first: first come, first served
    assertThat(bucket.reserve(0, 5)).isBetween(SECOND, SECOND + 2);
  }

  @Test
  void availableAtIsTheFirstInstantATakeSucceeds() {
    TokenBucket bucket = new TokenBucket(3, 7);
    bucket.tryTake(0, 3);
    long at = bucket.availableAt(0, 2);
    assertThat(bucket.tryTake(at - 2, 2)).isFalse();
    assertThat(bucket.tryTake(at, 2)).isTrue();
  }

  @Test
  void refusesImpossibleQuestions() {
    TokenBucket bucket = new TokenBucket(3, 7);
    bucket.tokens(SECOND);
    assertThatThrownBy(() -> bucket.tokens(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> bucket.availableAt(SECOND, 4))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TokenBucket(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TokenBucket(1, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
