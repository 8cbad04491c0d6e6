package dev.waymark.bench;

import dev.waymark.states.ExecutionInfo;
import dev.waymark.states.ExecutionRetention;
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
 * executor's own history or event log. Each executor runs executions one after another in timed
 * passes of at least {@value #PASS_SECONDS} s: warm-up passes until its rate stops improving, then
 * {@value #ROUNDS} rounds in which every executor runs one pass in turn, so that the executors of a
 * round share the machine's conditions; a ratio is taken per round, and the spread of the rounds is
 * printed.
 */
final class StatesThroughputBench {
  /** One definition and its input. */
  record Workload(String name, String file, String input) {
    String definition() throws Exception {
      return Files.readString(DEFINITIONS.resolve(file));
    }
  }

  /** An executor under test. */
  interface Runner extends AutoCloseable {
    /** Creates the workload's state machine and runs it once, counting its states. */
    Prepared prepare(Workload w) throws Exception;

    @Override
    default void close() throws Exception {}
  }

  /** A workload ready to run on one executor. */
  interface Prepared extends Rounds.Timed, AutoCloseable {
    /** States entered by one execution. */
    long states();

    /** Runs one execution to its end. */
    void execute() throws Exception;

    @Override
    default Rounds.Pass pass(double seconds) throws Exception {
      return Rounds.timed(seconds, this::execute);
    }

    @Override
    default void close() throws Exception {}
  }

  static final Path DEFINITIONS = Path.of("bench/node/definitions");
  static final Duration TIMEOUT = Duration.ofMinutes(5);
  static final double PASS_SECONDS = 2.0;
  static final int ROUNDS = 5;
  static final int WARMUP_MIN = 2;
  static final int WARMUP_MAX = 8;

  private StatesThroughputBench() {}

  static List<Workload> workloads() {
    String items =
        IntStream.range(0, 1000)
            .mapToObj(i -> "{\"k\":" + i + "}")
            .collect(Collectors.joining(","));
    return List.of(
        new Workload("Choice-heavy loop (n=250)", "choice-loop.json", "{\"n\":250}"),
        new Workload("Map of 1,000 items", "map-1000.json", "{\"items\":[" + items + "]}"),
        new Workload("Parallel fan-out (8 branches x 4)", "parallel-fanout.json", "{}"));
  }

  /**
   * What each Waymark engine keeps of the executions it closed: a pass reads only the execution it
   * just ran, so 100 closed executions or 100,000 history events (about 100 MB) at most, instead of
   * every history of every round (GBs, and the collector deciding the pass).
   */
  static final ExecutionRetention RETENTION =
      new ExecutionRetention(ExecutionRetention.AWS_RETENTION, 100, 100_000);

  static void run() throws Exception {
    StatesPeers.setUp();
    Map<String, Runner> runners = new LinkedHashMap<>();
    runners.put(
        "Waymark (in-process)", inProcess(StatesEngine.builder().retention(RETENTION).build()));
    StatesHttpServer server =
        StatesHttpServer.start(StatesEngine.builder().retention(RETENTION).build(), "127.0.0.1", 0);
    runners.put("Waymark (HTTP endpoint)", new StatesSfnDriver(server.endpoint(), server::close));
    try {
      runners.put("moto (HTTP)", StatesPeers.moto());
    } catch (Exception e) {
      runners.put("moto (HTTP)", failing("moto_server did not start: " + e.getMessage()));
    }
    runners.put("aws-local-stepfunctions (in-process)", StatesPeers.node());

    List<String> names = List.copyOf(runners.keySet());
    StatesTable table = new StatesTable(names, ROUNDS, PASS_SECONDS);
    for (Workload w : workloads()) {
      Map<String, Prepared> ready = new LinkedHashMap<>();
      Map<String, String> errors = new LinkedHashMap<>();
      for (var r : runners.entrySet()) {
        try {
          Prepared p = r.getValue().prepare(w);
          int warm = Rounds.warmUntilSteady(PASS_SECONDS, WARMUP_MIN, WARMUP_MAX, p);
          System.err.printf("  %s / %s: warm after %d passes%n", w.name(), r.getKey(), warm);
          ready.put(r.getKey(), p);
        } catch (Exception e) {
          errors.put(r.getKey(), firstLine(e));
        }
      }
      Map<String, List<Double>> rates = new LinkedHashMap<>();
      for (int round = 0; round < ROUNDS; round++) {
        for (var p : ready.entrySet()) {
          if (errors.containsKey(p.getKey())) {
            continue;
          }
          try {
            Rounds.Pass pass = p.getValue().pass(PASS_SECONDS);
            rates
                .computeIfAbsent(p.getKey(), k -> new ArrayList<>())
                .add(p.getValue().states() * pass.perSecond());
          } catch (Exception e) {
            errors.put(p.getKey(), firstLine(e));
          }
        }
      }
      Map<String, Long> states = new LinkedHashMap<>();
      for (var p : ready.entrySet()) {
        states.put(p.getKey(), p.getValue().states());
        p.getValue().close();
      }
      table.add(w.name(), states, rates, errors);
    }
    for (Runner r : runners.values()) {
      r.close();
    }
    table.print();
  }

  private static String firstLine(Exception e) {
    return String.valueOf(e.getMessage()).lines().findFirst().orElse("failed");
  }

  /** A workload whose executions {@code execution} runs, {@code states} states each. */
  static Prepared prepared(long states, Rounds.Work execution) {
    return new Prepared() {
      @Override
      public long states() {
        return states;
      }

      @Override
      public void execute() throws Exception {
        execution.once();
      }
    };
  }

  /** A runner that cannot run anything, and says why. */
  static Runner failing(String why) {
    return w -> {
      throw new IllegalStateException(why);
    };
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
      return prepared(states, () -> execute(engine, sm, w.input()));
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
}
