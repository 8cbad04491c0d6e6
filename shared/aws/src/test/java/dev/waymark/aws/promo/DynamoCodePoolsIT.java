package dev.waymark.aws.promo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.aws.dynamo.LocalDynamo;
import dev.waymark.core.promo.CodePools;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Promo code pools on DynamoDB Local: each code given once, never twice, even concurrently. */
class DynamoCodePoolsIT {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
  CodePools pools;

  @BeforeEach
  void setUp() {
    pools = new DynamoCodePools(LocalDynamo.client(), LocalDynamo.newTable(), CLOCK);
  }

  @Test
  void importSkipsCodesAlreadyInThePoolAndCounts() {
    CodePools.Added first = pools.add("j", "welcome", List.of("A1", "A2", "A3"));
    assertThat(first.added()).isEqualTo(3);
    assertThat(first.counts()).isEqualTo(new CodePools.PoolCounts("welcome", 3, 0));
    assertThat(pools.draw("j", "welcome", "run-1#offer")).isPresent();
    CodePools.Added again = pools.add("j", "welcome", List.of("A1", "A2", "A3", "A4"));
    assertThat(again.added()).as("a given code is never made free again").isEqualTo(1);
    assertThat(again.alreadyInPool()).isEqualTo(3);
    assertThat(again.counts()).isEqualTo(new CodePools.PoolCounts("welcome", 4, 1));
    assertThat(again.counts().remaining()).isEqualTo(3);
    assertThat(pools.pools("j")).extracting(CodePools.PoolCounts::pool).containsExactly("welcome");
    assertThat(pools.pools("other")).isEmpty();
    assertThat(pools.counts("j", "nope")).isEmpty();
  }

  @Test
  void theSameClaimGetsTheSameCodeAndAnEmptyPoolGivesNone() {
    pools.add("j", "p", List.of("ONLY"));
    assertThat(pools.draw("j", "p", "run-1#offer")).contains("ONLY");
    assertThat(pools.draw("j", "p", "run-1#offer")).as("a retry").contains("ONLY");
    assertThat(pools.draw("j", "p", "run-2#offer")).isEmpty();
    assertThat(pools.draw("j", "missing", "run-2#offer")).isEmpty();
    assertThat(pools.counts("j", "p")).contains(new CodePools.PoolCounts("p", 1, 1));
  }

  @Test
  void concurrentDrawsNeverGiveACodeTwice() throws Exception {
    List<String> codes = IntStream.range(0, 40).mapToObj(i -> "C" + i).toList();
    pools.add("j", "race", codes);
    int claims = 60;
    ExecutorService threads = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Optional<String>>> draws = new ArrayList<>();
    try {
      for (int i = 0; i < claims; i++) {
        String claim = "run-" + i + "#offer";
        Callable<Optional<String>> draw =
            () -> {
              go.await();
              return pools.draw("j", "race", claim);
            };
        draws.add(threads.submit(draw));
      }
      go.countDown();
      List<String> given = new ArrayList<>();
      int none = 0;
      for (Future<Optional<String>> f : draws) {
        Optional<String> code = f.get();
        if (code.isPresent()) {
          given.add(code.get());
        } else {
          none++;
        }
      }
      assertThat(given).doesNotHaveDuplicates().hasSize(40);
      assertThat(given).containsExactlyInAnyOrderElementsOf(codes);
      assertThat(none).isEqualTo(claims - 40);
      assertThat(pools.counts("j", "race")).contains(new CodePools.PoolCounts("race", 40, 40));
    } finally {
      threads.shutdownNow();
    }
  }
}
