package dev.waymark.bench;

import dev.waymark.local.LocalApi;
import dev.waymark.local.LocalRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ./waymark bench load [rate] [seconds]}: sends {@code rate} events a second (default 200)
 * to the local runtime for {@code seconds} (default 60), on a fixed schedule (every 100 ms, the
 * events due by then; the sender catches up if a send was late), and reports the processing lag
 * every second: how long ago the oldest event not yet processed was sent. The lag is bounded when
 * its maximum over the second half of the run is at most that of the first half plus a second:
 * processing keeps up instead of falling further behind.
 */
final class LoadBench {
  static final long TICK_MILLIS = 100;
  static final int MAX_BATCH = 100;

  private LoadBench() {}

  /** Events recorded on their profiles so far (a redelivered one is not counted twice). */
  static long processed(LocalRuntime runtime) {
    return runtime.processing().recordedEvents();
  }

  static void run(int rate, int seconds) throws Exception {
    try (LocalRuntime runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withPort(0))) {
      LocalApi api = new LocalApi(runtime);
      AtomicInteger ids = new AtomicInteger();
      api.sendEvents(IngestThroughputBench.batch(ids, runtime.clock().instant(), 50));
      runtime.awaitProcessed();
      long base = processed(runtime);
      Sender sender = new Sender(api, runtime, ids, rate);
      ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
      long start = System.nanoTime();
      sender.start = start;
      ticker.scheduleAtFixedRate(sender::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
      System.out.println("| second | sent | processed | lag (s) |");
      System.out.println("|---|---|---|---|");
      List<Double> lags = new ArrayList<>();
      for (int second = 1; second <= seconds; second++) {
        Thread.sleep(Math.max(0, start + second * 1_000_000_000L - System.nanoTime()) / 1_000_000);
        long done = processed(runtime) - base;
        double lag = sender.lagSeconds(done);
        lags.add(lag);
        System.out.printf("| %d | %d | %d | %.2f |%n", second, sender.sent(), done, lag);
      }
      ticker.shutdown(); // no further ticks; the one under way finishes its POST
      ticker.awaitTermination(1, TimeUnit.MINUTES);
      double firstHalf = lags.subList(0, seconds / 2).stream().mapToDouble(d -> d).max().orElse(0);
      double secondHalf =
          lags.subList(seconds / 2, seconds).stream().mapToDouble(d -> d).max().orElse(0);
      double sentRate = sender.sent() / ThroughputFigures.seconds(start);
      System.out.printf(
          "rate asked %d/s, sent %.0f/s; lag max %.2f s, last %.2f s; max first half %.2f s,"
              + " second half %.2f s: %s; load average %s%n",
          rate,
          sentRate,
          Math.max(firstHalf, secondHalf),
          lags.getLast(),
          firstHalf,
          secondHalf,
          secondHalf <= firstHalf + 1.0 ? "bounded" : "NOT bounded (growing)",
          ThroughputFigures.loadAverage());
      runtime.awaitProcessed(); // what was sent is processed before the runtime closes
    }
  }

  /** Sends the events due by each tick and remembers when each was sent. */
  private static final class Sender {
    private final LocalApi api;
    private final LocalRuntime runtime;
    private final AtomicInteger ids;
    private final int rate;
    private final List<long[]> sends = new ArrayList<>(); // {events sent so far, nanoTime}
    private volatile long start;
    private long sent;

    Sender(LocalApi api, LocalRuntime runtime, AtomicInteger ids, int rate) {
      this.api = api;
      this.runtime = runtime;
      this.ids = ids;
      this.rate = rate;
    }

    void tick() {
      long due = (long) (rate * ((System.nanoTime() - start) / 1e9));
      while (sent < due) {
        int size = (int) Math.min(MAX_BATCH, due - sent);
        LocalApi.Answer answer =
            api.sendEvents(IngestThroughputBench.batch(ids, runtime.clock().instant(), size));
        if (answer.status() != 202) {
          System.err.println("ingest refused a batch: " + answer.status());
          return;
        }
        synchronized (this) {
          sent += size;
          sends.add(new long[] {sent, System.nanoTime()});
        }
      }
    }

    synchronized long sent() {
      return sent;
    }

    /** Seconds since the oldest event not yet processed was sent; 0 when all are processed. */
    synchronized double lagSeconds(long processed) {
      for (long[] send : sends) {
        if (send[0] > processed) {
          return (System.nanoTime() - send[1]) / 1e9;
        }
      }
      return 0;
    }
  }
}
