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
        case "profile" -> ProcessingProfileBench.run();
        case "requests" -> DynamoRequestCostBench.run();
        case "load" -> {
          // ./waymark bench load [rate] [seconds]: the numbers after "load" are its arguments
          int at = names.indexOf("load");
          List<String> rest = names.subList(at + 1, names.size());
          LoadBench.run(
              rest.size() > 0 ? Integer.parseInt(rest.get(0)) : 200,
              rest.size() > 1 ? Integer.parseInt(rest.get(1)) : 60);
          return;
        }
        case "simulate" -> {
          // ./waymark bench simulate [people]: the number after "simulate" is its argument
          int at = names.indexOf("simulate");
          SimulationBench.run(at + 1 < names.size() ? Integer.parseInt(names.get(at + 1)) : 1_000);
          return;
        }
        case "segments" -> {
          SegmentBench.runScan();
          SegmentBench.runEvaluation();
        }
        case "segments-scan" -> SegmentBench.runScan();
        case "segments-eval" -> SegmentBench.runEvaluation();
        case "states" -> StatesThroughputBench.run();
        case "journeys" -> JourneyBench.run();
        case "timetravel" -> TimeTravelBench.run();
        case "journeys-transitions" -> JourneyBench.runTransitions();
        case "send-path" -> SendPathBench.run();
        case "coldstart" -> dev.waymark.bench.coldstart.ColdStartBench.run();
        case "scale" -> dev.waymark.bench.scale.ScaleBench.run();
        default -> {
          System.err.println(
              "unknown benchmark "
                  + name
                  + "; known: ingest, profile, load [rate] [seconds], segments, segments-scan, segments-eval, simulate [people], states, journeys, journeys-transitions, send-path, timetravel, coldstart, scale");
          System.exit(2);
        }
      }
    }
  }
}
