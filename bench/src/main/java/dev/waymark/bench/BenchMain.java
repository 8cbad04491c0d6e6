package dev.waymark.bench;

import java.util.Arrays;
import java.util.List;

/**
 * {@code ./waymark bench [name...]}: runs the named benchmarks (default: all) and prints their
 * figures.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    List<String> names = args.length == 0 ? List.of("ingest", "states") : Arrays.asList(args);
    for (String name : names) {
      switch (name) {
        case "ingest" -> IngestThroughputBench.run();
        case "segments" -> {
          SegmentBench.runScan();
          SegmentBench.runEvaluation();
        }
        case "segments-scan" -> SegmentBench.runScan();
        case "segments-eval" -> SegmentBench.runEvaluation();
        case "states" -> StatesThroughputBench.run();
        case "journeys" -> JourneyBench.run();
        case "scale" -> dev.waymark.bench.scale.ScaleBench.run();
        default -> {
          System.err.println(
              "unknown benchmark "
                  + name
                  + "; known: ingest, segments, segments-scan, segments-eval, states, journeys");
          System.exit(2);
        }
      }
    }
  }
}
