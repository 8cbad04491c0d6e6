package dev.waymark.bench;

import dev.waymark.states.ExecutionInfo;
import dev.waymark.states.ExecutionStatus;
import dev.waymark.states.StatesEngine;
import dev.waymark.states.api.StatesHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code ./waymark bench states}: state transitions per second of the States Language executor on
 * three representative definitions ({@code bench/node/definitions/}), beside moto's Step Functions
 * executor and aws-local-stepfunctions in the same run (installed by {@code bench/setup-peers.sh}).
 * A transition is a state entered (a {@code *StateEntered} history event), counted from each
 * executor's own history or event log. Every executor runs a pass of executions one after another:
 * warm-up, then three timed passes whose median counts.
 */
final class StatesThroughputBench {
  /** One definition, its input and how many executions a pass runs. */
  record Workload(String name, String file, String input, int executions) {
    String definition() throws Exception {
      return Files.readString(DEFINITIONS.resolve(file));
    }
  }

  /**
   * States entered per execution and the timed pass's seconds, or why the executor could not run
   * it.
   */
  record Result(long states, double seconds, int executions, String error) {
    static Result failed(String why) {
      return new Result(0, 0, 0, why);
    }

    double perSecond() {
      return error != null ? Double.NaN : states * executions / seconds;
    }
  }

  /** An executor under test. */
  interface Runner extends AutoCloseable {
    Result run(Workload w) throws Exception;

    @Override
    default void close() throws Exception {}
  }

  static final Path DEFINITIONS = Path.of("bench/node/definitions");
  static final Duration TIMEOUT = Duration.ofMinutes(5);
  static final int WARMUP_ROUNDS = 3;
  static final int TIMED_PASSES = 3;

  /** One pass: the workload's executions, one after another. */
  interface Pass {
    void run() throws Exception;
  }

  /** One untimed warm-up pass, then {@link #TIMED_PASSES} timed passes; the median pass counts. */
  static Result measure(long states, Workload w, Pass pass) throws Exception {
    pass.run();
    List<Double> seconds = new ArrayList<>();
    for (int i = 0; i < TIMED_PASSES; i++) {
      long start = System.nanoTime();
      pass.run();
      seconds.add((System.nanoTime() - start) / 1e9);
    }
    seconds.sort(Double::compare);
    return new Result(states, seconds.get(TIMED_PASSES / 2), w.executions(), null);
  }

  private StatesThroughputBench() {}

  static List<Workload> workloads() {
    String items =
        IntStream.range(0, 1000)
            .mapToObj(i -> "{\"k\":" + i + "}")
            .collect(Collectors.joining(","));
    return List.of(
        new Workload("Choice-heavy loop (n=250)", "choice-loop.json", "{\"n\":250}", 5),
        new Workload("Map of 1,000 items", "map-1000.json", "{\"items\":[" + items + "]}", 2),
        new Workload("Parallel fan-out (8 branches x 4)", "parallel-fanout.json", "{}", 20));
  }

  static void run() throws Exception {
    StatesPeers.setUp();
    StatesEngine engine = StatesEngine.builder().build();
    Map<String, Runner> runners = new LinkedHashMap<>();
    runners.put("Waymark (in-process)", inProcess(engine));
    StatesHttpServer server =
        StatesHttpServer.start(StatesEngine.builder().build(), "127.0.0.1", 0);
    runners.put("Waymark (HTTP endpoint)", new StatesSfnDriver(server.endpoint(), server::close));
    try {
      runners.put("moto (HTTP)", StatesPeers.moto());
    } catch (Exception e) {
      runners.put(
          "moto (HTTP)", w -> Result.failed("moto_server did not start: " + e.getMessage()));
    }
    runners.put("aws-local-stepfunctions (in-process)", StatesPeers.node());

    for (int i = 0;
        i < WARMUP_ROUNDS;
        i++) { // the JVM's JIT needs more than one pass; node's gets it too
      for (Workload w : workloads()) {
        runners.get("Waymark (in-process)").run(w);
        runners.get("Waymark (HTTP endpoint)").run(w);
      }
    }
    List<Map<String, Result>> rows = new ArrayList<>();
    for (Workload w : workloads()) {
      Map<String, Result> row = new LinkedHashMap<>();
      for (var r : runners.entrySet()) {
        Result res;
        try {
          res = r.getValue().run(w);
        } catch (Exception e) {
          res = Result.failed(String.valueOf(e.getMessage()).lines().findFirst().orElse("failed"));
        }
        System.err.printf("  %s / %s: %s%n", w.name(), r.getKey(), res);
        row.put(r.getKey(), res);
      }
      rows.add(row);
    }
    for (Runner r : runners.values()) {
      r.close();
    }
    print(runners.keySet().stream().toList(), rows);
  }

  private static Runner inProcess(StatesEngine engine) {
    return w -> {
      String sm =
          engine
              .machines()
              .createStateMachine("bench-" + System.nanoTime(), w.definition())
              .stateMachineArn();
      String first = execute(engine, sm, w.input());
      long states =
          engine.executions().getExecutionHistory(first).stream()
              .filter(e -> e.type().endsWith("StateEntered"))
              .count();
      return measure(
          states,
          w,
          () -> {
            for (int i = 0; i < w.executions(); i++) {
              execute(engine, sm, w.input());
            }
          });
    };
  }

  private static String execute(StatesEngine engine, String sm, String input) {
    String arn = engine.executions().startExecution(sm, null, input).executionArn();
    ExecutionInfo info = engine.executions().awaitExecution(arn, TIMEOUT);
    if (info.status() != ExecutionStatus.SUCCEEDED) {
      throw new IllegalStateException(info.status() + " " + info.error() + ": " + info.cause());
    }
    return arn;
  }

  private static void print(List<String> names, List<Map<String, Result>> rows) {
    List<Workload> ws = workloads();
    System.out.println(
        "State transitions per second (states entered; executions one after another; median of "
            + TIMED_PASSES
            + " timed passes):");
    System.out.println();
    System.out.println(
        "| definition | states/execution | "
            + String.join(" | ", names)
            + " | Waymark HTTP ÷ moto | Waymark in-process ÷ aws-local-stepfunctions |");
    System.out.println("|---|---:|" + "---:|".repeat(names.size() + 2));
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Result> row = rows.get(i);
      StringBuilder line =
          new StringBuilder("| " + ws.get(i).name() + " | " + row.get(names.get(0)).states());
      for (String n : names) {
        Result r = row.get(n);
        line.append(" | ")
            .append(
                r.error() != null
                    ? "cannot run: " + r.error()
                    : String.format("%,.0f", r.perSecond()));
        if (r.error() == null && r.states() != row.get(names.get(0)).states()) {
          line.append(" (counts ").append(r.states()).append(" states)");
        }
      }
      line.append(" | ").append(ratio(row.get(names.get(1)), row.get(names.get(2))));
      line.append(" | ").append(ratio(row.get(names.get(0)), row.get(names.get(3)))).append(" |");
      System.out.println(line);
    }
  }

  private static String ratio(Result waymark, Result peer) {
    if (waymark.error() != null || peer.error() != null) {
      return "n/a";
    }
    return String.format("%.1f×", waymark.perSecond() / peer.perSecond());
  }
}
