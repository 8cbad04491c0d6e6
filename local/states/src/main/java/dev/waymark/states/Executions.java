package dev.waymark.states;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.asl.Definition;
import dev.waymark.states.clock.ClockMode;
import dev.waymark.states.clock.EngineClock;
import dev.waymark.states.exec.EngineRuntime;
import dev.waymark.states.exec.ExecutionRecord;
import dev.waymark.states.exec.ExecutionRunner;
import dev.waymark.states.exec.HistoryLog;
import dev.waymark.states.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The execution operations of the Step Functions API: StartExecution, StartSyncExecution,
 * DescribeExecution, ListExecutions, StopExecution, GetExecutionHistory, the Map runs of an
 * execution and DescribeStateMachineForExecution. API errors are thrown as {@link
 * StatesApiException} with AWS's error code. Closed executions are forgotten as the {@link
 * ExecutionRetention} says; a forgotten one answers ExecutionDoesNotExist, as on AWS.
 */
public final class Executions {
  private final KeptExecutions kept;
  private final StateMachines machines;
  private final EngineClock clock;
  private final Account account;
  private final EngineRuntime runtime;
  private final ExecutionRunner runner;

  /**
   * @param runtimeFor builds the runtime the executions run on, given the way its Task states start
   *     and find child executions (this object)
   */
  Executions(
      StateMachines machines,
      EngineClock clock,
      Account account,
      ExecutionRetention retention,
      Function<EngineRuntime.ChildExecutions, EngineRuntime> runtimeFor) {
    this.kept = new KeptExecutions(retention);
    this.machines = machines;
    this.clock = clock;
    this.account = account;
    this.runtime = runtimeFor.apply(new Children());
    this.runner = new ExecutionRunner(runtime, this::closed);
  }

  EngineRuntime runtime() {
    return runtime;
  }

  /**
   * StartExecution on a state machine, version or alias ARN. A null name gets a UUID. Same name and
   * same input while RUNNING returns the running execution; otherwise a reused name is
   * ExecutionAlreadyExists — until the execution of that name is forgotten, as Step Functions
   * allows a name again 90 days after its execution closed.
   */
  public StartResult startExecution(String arn, String name, String input) {
    ExecutionRecord rec = start(arn, name, ApiInputs.parseInput(input), null, null);
    return new StartResult(rec.arn, rec.startDate);
  }

  /**
   * StartSyncExecution (EXPRESS only): runs to completion on the engine clock and returns the final
   * state.
   */
  public ExecutionInfo startSyncExecution(String arn, String name, String input) {
    if (machines.type(arn) != StateMachineType.EXPRESS) {
      throw new StatesApiException(
          "StateMachineTypeNotSupported",
          "This operation is not supported by this type of state machine");
    }
    ExecutionRecord rec = start(arn, name, ApiInputs.parseInput(input), null, null);
    return await(rec, Duration.ofMinutes(5));
  }

  /** Waits (real time, bounded) until the execution is no longer RUNNING and returns it. */
  public ExecutionInfo awaitExecution(String executionArn, Duration realTimeout) {
    return await(record(executionArn), realTimeout);
  }

  private ExecutionInfo await(ExecutionRecord rec, Duration realTimeout) {
    long end = System.nanoTime() + realTimeout.toNanos();
    while (rec.isRunning() && System.nanoTime() < end) {
      clock.awaitQuiescence(Duration.ofMillis(50));
      if (rec.isRunning() && clock.mode() != ClockMode.REAL && clock.activeCount() == 0) {
        break;
      }
    }
    return rec.info();
  }

  public ExecutionInfo describeExecution(String executionArn) {
    return record(executionArn).info();
  }

  public synchronized List<ExecutionInfo> listExecutions(
      String stateMachineArn, ExecutionStatus statusFilter) {
    List<ExecutionInfo> out = new ArrayList<>();
    List<ExecutionRecord> all = kept.all(clock.now());
    for (ExecutionRecord r : all.reversed()) {
      boolean smMatch =
          stateMachineArn == null
              || r.stateMachineArn.equals(stateMachineArn)
              || stateMachineArn.equals(r.versionArn)
              || stateMachineArn.equals(r.aliasArn);
      if (smMatch && (statusFilter == null || r.status() == statusFilter)) {
        out.add(r.info());
      }
    }
    return out;
  }

  /** StopExecution; the execution as it stands after the stop (it may have closed before). */
  public ExecutionInfo stopExecution(String executionArn, String error, String cause) {
    ExecutionRecord rec = record(executionArn);
    rec.requestStop();
    runner.stop(rec, error, cause);
    return rec.info();
  }

  public List<HistoryEvent> getExecutionHistory(String executionArn) {
    return record(executionArn).history.snapshot();
  }

  /**
   * DescribeStateMachineForExecution: the definition the execution runs (its version's, if any).
   */
  public StateMachineInfo describeStateMachineForExecution(String executionArn) {
    ExecutionRecord rec = record(executionArn);
    return new StateMachineInfo(
        rec.versionArn != null ? rec.versionArn : rec.stateMachineArn,
        rec.stateMachineName,
        Json.write(rec.definition.root()),
        rec.type,
        rec.roleArn,
        rec.startDate,
        null,
        null,
        null);
  }

  /** ListMapRuns: the distributed Map runs of an execution. */
  public List<MapRunInfo> listMapRuns(String executionArn) {
    return List.copyOf(record(executionArn).mapRuns);
  }

  /** DescribeMapRun. */
  public synchronized MapRunInfo describeMapRun(String mapRunArn) {
    for (ExecutionRecord r : kept.all(clock.now())) {
      for (MapRunInfo m : r.mapRuns) {
        if (m.mapRunArn().equals(mapRunArn)) {
          return m;
        }
      }
    }
    throw new StatesApiException("ResourceNotFound", "Map Run Does Not Exist: '" + mapRunArn + "'");
  }

  /** Aborts every running execution (their threads unwind). */
  void abortAll() {
    List<ExecutionRecord> running;
    synchronized (this) {
      running = kept.all(clock.now()).stream().filter(ExecutionRecord::isRunning).toList();
    }
    for (ExecutionRecord rec : running) {
      rec.requestStop();
      runner.stop(rec, "States.Aborted", "The engine was closed");
    }
  }

  /** How many closed executions the engine keeps (at most the retention's cap, see there). */
  public synchronized int closedExecutionsKept() {
    return kept.closedCount();
  }

  private synchronized void closed(ExecutionRecord rec) {
    kept.closed(rec, clock.now());
  }

  private synchronized ExecutionRecord start(
      String arn, String name, JsonNode input, ExecutionRecord parent, String parentToken) {
    StateMachines.Target target = machines.resolve(arn);
    String execName = name == null ? UUID.randomUUID().toString() : ApiInputs.validName(name);
    String kind = target.type() == StateMachineType.EXPRESS ? "express:" : "execution:";
    String execArn = account.arn(kind + target.machineName() + ":" + execName);
    Instant now = clock.now();
    ExecutionRecord existing = kept.find(execArn, now);
    if (existing == null && kept.nameHeld(execArn, now)) {
      throw new StatesApiException(
          "ExecutionAlreadyExists", "Execution Already Exists: '" + execArn + "'");
    }
    if (existing != null) {
      if (existing.isRunning() && Json.equalsLoose(existing.input, input)) {
        return existing;
      }
      throw new StatesApiException(
          "ExecutionAlreadyExists", "Execution Already Exists: '" + execArn + "'");
    }
    Definition def = Definition.of(Json.parse(target.definition()), Definition.JSONPATH);
    ExecutionRecord rec =
        new ExecutionRecord(
            execArn,
            execName,
            target.machineArn(),
            target.machineName(),
            target.versionArn(),
            target.aliasArn(),
            target.roleArn(),
            def,
            target.type(),
            input,
            now,
            new HistoryLog(clock::now, true),
            parentToken);
    kept.started(rec, parent == null ? null : parent.arn, name == null, now);
    runner.launch(rec);
    return rec;
  }

  private synchronized ExecutionRecord record(String executionArn) {
    ExecutionRecord rec = kept.find(executionArn, clock.now());
    if (rec == null) {
      throw new StatesApiException(
          "ExecutionDoesNotExist", "Execution Does Not Exist: '" + executionArn + "'");
    }
    return rec;
  }

  /** How a Task state (states:startExecution) starts a child execution. */
  private final class Children implements EngineRuntime.ChildExecutions {
    @Override
    public ExecutionRecord start(
        String stateMachineArn,
        String name,
        JsonNode input,
        ExecutionRecord parent,
        String parentToken) {
      try {
        return Executions.this.start(stateMachineArn, name, input, parent, parentToken);
      } catch (StatesApiException e) {
        throw new StatesFailure(
            "StepFunctions." + e.code() + "Exception",
            e.getMessage()
                + " (Service: AWSStepFunctions; Status Code: 400; Error Code: "
                + e.code()
                + "; Request ID: "
                + UUID.randomUUID()
                + "; Proxy: null)");
      }
    }

    @Override
    public ExecutionRecord find(String executionArn) {
      synchronized (Executions.this) {
        ExecutionRecord rec = kept.findForEngine(executionArn);
        if (rec == null) {
          throw new StatesApiException(
              "ExecutionDoesNotExist", "Execution Does Not Exist: '" + executionArn + "'");
        }
        return rec;
      }
    }
  }
}
