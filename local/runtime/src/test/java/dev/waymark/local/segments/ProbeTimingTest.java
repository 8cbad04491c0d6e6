package dev.waymark.local.segments;

import dev.waymark.local.LocalApi;
import dev.waymark.local.LocalRuntime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProbeTimingTest {
  @Test
  void probe() throws Exception {
    try (LocalRuntime runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withPort(0).startingAt(Instant.parse("2026-11-24T08:00:00Z")))) {
      LocalApi api = new LocalApi(runtime);
      StringBuilder b = new StringBuilder("{\"batch\":[");
      for (int i = 0; i < 14; i++) {
        b.append(i == 0 ? "" : ",").append(LeaseScanYearTest.identify("p-" + i, "2027-06-0" + (i % 9 + 1)));
      }
      api.sendEvents(b + "]}");
      runtime.awaitProcessed();
      for (int d = 0; d < 2; d++) {
        long t0 = System.nanoTime();
        runtime.clock().advance(Duration.ofDays(1));
        long t1 = System.nanoTime();
        runtime.awaitProcessed();
        long t2 = System.nanoTime();
        System.out.printf("PROBE day %d advance %d ms, await %d ms, fired %d%n", d, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
            runtime.scheduler().scheduler().firedCount());
      }
      runtime.clock().advance(Duration.ofDays(60));
      runtime.awaitProcessed();
      for (int d = 0; d < 2; d++) {
        long t0 = System.nanoTime();
        runtime.clock().advance(Duration.ofDays(1));
        long t1 = System.nanoTime();
        runtime.awaitProcessed();
        long t2 = System.nanoTime();
        System.out.printf("PROBE late day %d advance %d ms, await %d ms%n", d, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
      }
    }
  }
}
