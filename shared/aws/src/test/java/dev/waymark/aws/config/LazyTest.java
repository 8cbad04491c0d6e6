package dev.waymark.aws.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyTest {
  @Test
  void buildsOnFirstUseOnlyAndThenKeepsWhatItBuilt() {
    AtomicInteger builds = new AtomicInteger();
    Lazy<String> lazy = Lazy.of(() -> "built " + builds.incrementAndGet());

    assertThat(lazy.isBuilt()).isFalse();
    assertThat(builds).hasValue(0);
    assertThat(lazy.get()).isEqualTo("built 1");
    assertThat(lazy.get()).isSameAs(lazy.get());
    assertThat(lazy.isBuilt()).isTrue();
    assertThat(builds).hasValue(1);
  }

  @Test
  void aFailedBuildIsTriedAgainOnTheNextUse() {
    AtomicInteger attempts = new AtomicInteger();
    Lazy<String> lazy =
        Lazy.of(
            () -> {
              if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("the segment files are broken");
              }
              return "built";
            });

    assertThatThrownBy(lazy::get).hasMessageContaining("segment files");
    assertThat(lazy.isBuilt()).isFalse();
    assertThat(lazy.get()).isEqualTo("built");
  }

  @Test
  void threadsThatAskAtOnceGetTheOneInstanceBuiltOnce() throws Exception {
    AtomicInteger builds = new AtomicInteger();
    Lazy<Object> lazy =
        Lazy.of(
            () -> {
              builds.incrementAndGet();
              return new Object();
            });
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Object>> got = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        got.add(
            pool.submit(
                () -> {
                  start.await();
                  return lazy.get();
                }));
      }
      start.countDown();
      for (Future<Object> future : got) {
        assertThat(future.get()).isSameAs(lazy.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(builds).hasValue(1);
  }
}
