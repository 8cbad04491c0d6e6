package dev.waymark.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table {@code ./waymark bench states} prints: per definition, each executor's median rate over
 * the rounds with its spread, and the two ratios (Waymark HTTP ÷ moto, Waymark in-process ÷
 * aws-local-stepfunctions) taken round by round, with their spread.
 */
final class StatesTable {
  private record Row(
      String definition,
      Map<String, Long> states,
      Map<String, List<Double>> rates,
      Map<String, String> errors) {}

  private final List<String> names;
  private final int rounds;
  private final double passSeconds;
  private final List<Row> rows = new ArrayList<>();

  StatesTable(List<String> names, int rounds, double passSeconds) {
    this.names = names;
    this.rounds = rounds;
    this.passSeconds = passSeconds;
  }

  void add(
      String definition,
      Map<String, Long> states,
      Map<String, List<Double>> rates,
      Map<String, String> errors) {
    rows.add(
        new Row(
            definition,
            new LinkedHashMap<>(states),
            new LinkedHashMap<>(rates),
            new LinkedHashMap<>(errors)));
  }

  void print() {
    System.out.printf(
        Locale.ROOT,
        "State transitions per second (states entered; executions one after another; median of %d"
            + " rounds of timed passes of at least %.0f s each, executors taking turns within a"
            + " round; min-max in brackets):%n%n",
        rounds,
        passSeconds);
    System.out.println(
        "| definition | states/execution | "
            + String.join(" | ", names)
            + " | Waymark HTTP ÷ moto | Waymark in-process ÷ aws-local-stepfunctions |");
    System.out.println("|---|---:|" + "---:|".repeat(names.size() + 2));
    for (Row row : rows) {
      long reference = row.states().getOrDefault(names.get(0), 0L);
      StringBuilder line = new StringBuilder("| " + row.definition() + " | " + reference);
      for (String n : names) {
        line.append(" | ").append(cell(row, n, reference));
      }
      line.append(" | ").append(ratio(row, names.get(1), names.get(2)));
      line.append(" | ").append(ratio(row, names.get(0), names.get(3))).append(" |");
      System.out.println(line);
    }
  }

  private static String cell(Row row, String name, long reference) {
    if (row.errors().containsKey(name)) {
      return "cannot run: " + row.errors().get(name);
    }
    String cell = Rounds.spread(row.rates().get(name)).format("%,.0f");
    long states = row.states().get(name);
    return states == reference ? cell : cell + " (counts " + states + " states)";
  }

  private static String ratio(Row row, String waymark, String peer) {
    if (row.errors().containsKey(waymark) || row.errors().containsKey(peer)) {
      return "n/a";
    }
    return Rounds.spread(Rounds.ratios(row.rates().get(waymark), row.rates().get(peer)))
        .format("%.1f×");
  }
}
