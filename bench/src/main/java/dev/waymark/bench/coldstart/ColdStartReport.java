package dev.waymark.bench.coldstart;

import dev.waymark.bench.Rounds;
import dev.waymark.bench.coldstart.ColdStartBench.Function;
import dev.waymark.bench.coldstart.ColdStartBench.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Prints the cold-start figures: medians, the ratio to the floor, and its spread over rounds. */
final class ColdStartReport {
  /** The goal: every function's init within this many times its floor's. */
  static final double GOAL = 1.5;

  private ColdStartReport() {}

  static void print(List<Function> functions, Map<String, Samples> byTarget) {
    System.out.printf("load average after: %s%n", loadAverage());
    System.out.println();
    System.out.println(
        "init = ms from `java` start to the handler built; floor = a bare handler building the"
            + " same SDK clients; ratio = function ÷ floor (of the medians; in brackets min/median/max"
            + " of the per-round ratios); prime = ms of the primers' first run (without SnapStart"
            + " priming, the extra work of the first request); after = the primers' second run (the"
            + " first request's extra work after a primed snapshot); primers = how many ran (without"
            + " failing); classes = loaded at init,"
            + " function ÷ floor (the same in every round, whatever the load)");
    System.out.println(
        "| function | SDK clients | floor init | init | ratio | floor init+prime | init+prime |"
            + " ratio | primers | prime | after | classes |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
    List<Double> coldRatios = new ArrayList<>();
    List<Double> primedRatios = new ArrayList<>();
    for (Function function : functions) {
      Samples floor = byTarget.get(ColdStartBench.key(true, function));
      Samples own = byTarget.get(ColdStartBench.key(false, function));
      double coldRatio = median(own.init) / median(floor.init);
      double primedRatio = median(own.initAndPrime()) / median(floor.initAndPrime());
      coldRatios.add(coldRatio);
      primedRatios.add(primedRatio);
      System.out.printf(
          "| %s | %s | %.0f | %.0f | **%.2f** (%s) | %.0f | %.0f | **%.2f** (%s) | %d | %.0f | %.1f | %.0f ÷"
              + " %.0f |%n",
          function.name(),
          function.clients(),
          median(floor.init),
          median(own.init),
          coldRatio,
          spread(own.init, floor.init),
          median(floor.initAndPrime()),
          median(own.initAndPrime()),
          primedRatio,
          spread(own.initAndPrime(), floor.initAndPrime()),
          own.primers,
          median(own.prime),
          median(own.again),
          median(own.classes),
          median(floor.classes));
    }
    System.out.printf(
        "ratio to floor, init: %.2f–%.2f (median %.2f); init+prime: %.2f–%.2f (median %.2f);"
            + " goal ≤ %.1f: %s%n",
        min(coldRatios),
        max(coldRatios),
        median(coldRatios),
        min(primedRatios),
        max(primedRatios),
        median(primedRatios),
        GOAL,
        max(coldRatios) <= GOAL ? "met" : "NOT met");
  }

  /** min/median/max of the per-round ratios (sample i of the function ÷ sample i of its floor). */
  private static String spread(List<Double> function, List<Double> floor) {
    Rounds.Spread s = Rounds.spread(Rounds.ratios(function, floor));
    return String.format("%.2f/%.2f/%.2f", s.min(), s.median(), s.max());
  }

  static double median(List<Double> values) {
    return Rounds.spread(values).median();
  }

  private static double min(List<Double> values) {
    return Rounds.spread(values).min();
  }

  private static double max(List<Double> values) {
    return Rounds.spread(values).max();
  }

  /** The 1, 5 and 15 minute load averages (Linux), or "unknown". */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
