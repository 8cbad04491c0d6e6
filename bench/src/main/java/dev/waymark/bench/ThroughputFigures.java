package dev.waymark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small helpers the throughput benchmarks print their figures with. */
final class ThroughputFigures {
  private ThroughputFigures() {}

  /** The 1, 5 and 15 minute load averages ({@code /proc/loadavg}), or "unknown". */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** "min / median / max" of some values, with {@code format} for each. */
  static String spread(List<Double> values, String format) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    return String.format(format, sorted.getFirst())
        + " / "
        + String.format(format, sorted.get(sorted.size() / 2))
        + " / "
        + String.format(format, sorted.getLast());
  }

  static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
