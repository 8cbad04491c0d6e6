package dev.waymark.states;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.asl.Definition;
import dev.waymark.states.asl.DefinitionValidator;
import dev.waymark.states.clock.ClockMode;
import dev.waymark.states.clock.EngineClock;
import dev.waymark.states.exec.EngineRuntime;
import dev.waymark.states.exec.ExecutionRecord;
import dev.waymark.states.exec.ExecutionRunner;
import dev.waymark.states.exec.HistoryLog;
import dev.waymark.states.json.Json;
import dev.waymark.states.task.LambdaHandler;
import dev.waymark.states.task.ServiceIntegration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The local Step Functions engine: the facade the API layer and tests use. Mirrors the AWS Step
 * Functions API (CreateStateMachine, StartExecution, DescribeExecution, GetExecutionHistory,
 * SendTask*, TestState, ...); API errors are thrown as {@link StatesApiException} with AWS's error
 * code.
 *
 * <pre>{@code
 * StatesEngine engine = StatesEngine.builder().clockMode(ClockMode.SKIP)
 *         .lambda("greet", in -> Json.object().put("hello", in.path("name").asText())).build();
 * String sm = engine.createStateMachine("demo", definitionJson).stateMachineArn();
 * String ex = engine.startExecution(sm, null, "{\"name\":\"x\"}").executionArn();
 * engine.awaitQuiescence(Duration.ofSeconds(5));
 * ExecutionInfo info = engine.describeExecution(ex);
 * }</pre>
 */
public final class StatesEngine implements AutoCloseable {
  private final EngineClock clock;
  private final EngineRuntime runtime;
  private final ExecutionRunner runner;
  private final StateMachineRegistry machines = new StateMachineRegistry();
  private final Map<String, ExecutionRecord> executions = new LinkedHashMap<>();
  private final String region;
  private final String accountId;
  private final String defaultRoleArn;

  private StatesEngine(Builder b) {
    this.clock = b.clock != null ? b.clock : new EngineClock(b.mode);
    this.region = b.region;
    this.accountId = b.accountId;
    this.defaultRoleArn = "arn:aws:iam::" + b.accountId + ":role/waymark-local-states";
    this.runtime =
        new EngineRuntime(
            clock,
            Map.copyOf(b.lambdas),
            List.copyOf(b.integrations),
            region,
            accountId,
            new Children());
    this.runner = new ExecutionRunner(runtime);
    runtime.lambdaResolver(b.resolver);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The engine's clock: the single source of "now" (share it with the rest of a local runtime). */
  public EngineClock clock() {
    return clock;
  }

  /**
   * Waits until no execution can make progress without outside help (see {@link
   * EngineClock#awaitQuiescence}).
   */
  public boolean awaitQuiescence(Duration realTimeout) {
    return clock.awaitQuiescence(realTimeout);
  }

  /** Same as {@code awaitQuiescence(Duration.ofSeconds(30))}. */
  public boolean runUntilIdle() {
    return awaitQuiescence(Duration.ofSeconds(30));
  }

  /** Aborts every running execution (their threads unwind); the engine stays usable. */
  @Override
  public void close() {
    List<ExecutionRecord> running;
    synchronized (this) {
      running = executions.values().stream().filter(ExecutionRecord::isRunning).toList();
    }
    for (ExecutionRecord rec : running) {
      rec.requestStop();
      runner.stop(rec, "States.Aborted", "The engine was closed");
    }
  }

  // ---------------------------------------------------------------- state machines

  public StateMachineInfo createStateMachine(String name, String definition) {
    return createStateMachine(name, definition, null, StateMachineType.STANDARD, false, null);
  }

  /** CreateStateMachine; {@code publish} also publishes version 1. */
  public synchronized StateMachineInfo createStateMachine(
      String name,
      String definition,
      String roleArn,
      StateMachineType type,
      boolean publish,
      String versionDescription) {
    StateMachineType t = type == null ? StateMachineType.STANDARD : type;
    if (versionDescription != null && !publish) {
      throw new StatesApiException(
          "ValidationException", "Version description can only be set when publish is true");
    }
    DefinitionValidator.validateOrThrow(definition, t);
    String arn = "arn:aws:states:" + region + ":" + accountId + ":stateMachine:" + validName(name);
    StateMachineRegistry.Machine existing = machines.byArn(arn);
    if (existing != null) {
      if (existing.definition.equals(definition) && existing.type == t) {
        return describeStateMachine(arn);
      }
      throw new StatesApiException(
          "StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
    }
    var m =
        machines.put(
            new StateMachineRegistry.Machine(
                arn, name, t, clock.now(), definition, roleArn == null ? defaultRoleArn : roleArn));
    if (publish) {
      publish(m, versionDescription);
    }
    return describeStateMachine(arn);
  }

  /**
   * UpdateStateMachine; null arguments keep the current value. Returns the new version ARN when
   * published.
   */
  public synchronized String updateStateMachine(
      String arn, String definition, String roleArn, boolean publish, String versionDescription) {
    var m = machine(arn);
    if (definition == null && roleArn == null) {
      throw new StatesApiException(
          "MissingRequiredParameter",
          "Either the definition, the role ARN, the "
              + "LoggingConfiguration, or the TracingConfiguration must be specified");
    }
    if (definition != null) {
      DefinitionValidator.validateOrThrow(definition, m.type);
      m.definition = definition;
    }
    if (roleArn != null) {
      m.roleArn = roleArn;
    }
    m.revisionId = UUID.randomUUID().toString();
    return publish ? publish(m, versionDescription) : null;
  }

  /**
   * PublishStateMachineVersion: returns the version ARN (unchanged revision returns the latest
   * version).
   */
  public synchronized String publishStateMachineVersion(String arn, String description) {
    return publish(machine(arn), description);
  }

  private String publish(StateMachineRegistry.Machine m, String description) {
    if (!m.versions.isEmpty()
        && m.versions.get(m.versions.size() - 1).revisionId().equals(m.revisionId)) {
      return m.versions.get(m.versions.size() - 1).arn();
    }
    int n = m.versions.isEmpty() ? 1 : m.versions.get(m.versions.size() - 1).number() + 1;
    var v =
        new StateMachineRegistry.Version(
            m.arn + ":" + n, n, m.definition, m.roleArn, m.revisionId, description, clock.now());
    m.versions.add(v);
    return v.arn();
  }

  public synchronized List<String> listStateMachineVersions(String arn) {
    List<String> out = new ArrayList<>();
    machine(arn).versions.forEach(v -> out.add(0, v.arn()));
    return out;
  }

  public synchronized void deleteStateMachineVersion(String versionArn) {
    var m = machines.owner(versionArn);
    if (m != null) {
      for (var a : m.aliases.values()) {
        if (a.routing().containsKey(versionArn)) {
          throw new StatesApiException(
              "ConflictException", "Version is referenced by alias " + a.arn());
        }
      }
      m.versions.removeIf(v -> v.arn().equals(versionArn));
    }
  }

  /** CreateStateMachineAlias: routing maps version ARNs to weights (percent, summing to 100). */
  public synchronized String createStateMachineAlias(
      String name, Map<String, Integer> routing, String description) {
    String first = routing.keySet().iterator().next();
    var m = machines.owner(first);
    if (m == null || version(m, first) == null) {
      throw new StatesApiException("ResourceNotFound", "Version does not exist: " + first);
    }
    String arn = m.arn + ":" + name;
    if (m.aliases.containsKey(name)) {
      throw new StatesApiException("ConflictException", "Alias already exists: " + arn);
    }
    Instant now = clock.now();
    m.aliases.put(
        name, new StateMachineRegistry.Alias(arn, name, ordered(routing), description, now, now));
    return arn;
  }

  public synchronized void updateStateMachineAlias(String aliasArn, Map<String, Integer> routing) {
    var m = machine(aliasArn);
    String name = aliasArn.substring(aliasArn.lastIndexOf(':') + 1);
    var a = m.aliases.get(name);
    if (a == null) {
      throw new StatesApiException("ResourceNotFound", "Alias does not exist: " + aliasArn);
    }
    m.aliases.put(
        name,
        new StateMachineRegistry.Alias(
            a.arn(), name, ordered(routing), a.description(), a.created(), clock.now()));
  }

  /** DescribeStateMachineAlias with description and dates (routing in the order it was given). */
  public synchronized StateMachineAliasInfo describeStateMachineAliasInfo(String aliasArn) {
    var m = machine(aliasArn);
    var a = m.aliases.get(aliasArn.substring(aliasArn.lastIndexOf(':') + 1));
    if (a == null) {
      throw new StatesApiException("ResourceNotFound", "Alias does not exist: " + aliasArn);
    }
    return new StateMachineAliasInfo(
        a.arn(), a.name(), a.routing(), a.description(), a.created(), a.updated());
  }

  private static Map<String, Integer> ordered(Map<String, Integer> routing) {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(routing));
  }

  public synchronized void deleteStateMachineAlias(String aliasArn) {
    var m = machines.owner(aliasArn);
    if (m != null) {
      m.aliases.remove(aliasArn.substring(aliasArn.lastIndexOf(':') + 1));
    }
  }

  /** The routing (version ARN to weight) of an alias. */
  public synchronized Map<String, Integer> describeStateMachineAlias(String aliasArn) {
    var m = machine(aliasArn);
    var a = m.aliases.get(aliasArn.substring(aliasArn.lastIndexOf(':') + 1));
    if (a == null) {
      throw new StatesApiException("ResourceNotFound", "Alias does not exist: " + aliasArn);
    }
    return a.routing();
  }

  public synchronized StateMachineInfo describeStateMachine(String arn) {
    var m = machine(arn);
    var v = arn.equals(m.arn) ? null : version(m, arn);
    if (!arn.equals(m.arn) && v == null) {
      throw new StatesApiException(
          "StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
    }
    String latest = m.versions.isEmpty() ? null : m.versions.get(m.versions.size() - 1).arn();
    if (v != null) {
      return new StateMachineInfo(
          v.arn(),
          m.name,
          v.definition(),
          m.type,
          v.roleArn(),
          v.created(),
          v.revisionId(),
          v.description(),
          latest);
    }
    return new StateMachineInfo(
        m.arn,
        m.name,
        m.definition,
        m.type,
        m.roleArn,
        m.created,
        m.revisionId,
        m.description,
        latest);
  }

  /** The alias ARNs of a state machine. */
  public synchronized List<String> listStateMachineAliases(String arn) {
    return machine(arn).aliases.values().stream().map(StateMachineRegistry.Alias::arn).toList();
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

  public synchronized List<StateMachineInfo> listStateMachines() {
    return machines.all().stream().map(m -> describeStateMachine(m.arn)).toList();
  }

  public synchronized void deleteStateMachine(String arn) {
    machines.remove(arn);
  }

  private StateMachineRegistry.Machine machine(String arn) {
    var m = machines.owner(arn);
    if (m == null) {
      throw new StatesApiException(
          "StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
    }
    return m;
  }

  private static StateMachineRegistry.Version version(StateMachineRegistry.Machine m, String arn) {
    return m.versions.stream().filter(v -> v.arn().equals(arn)).findFirst().orElse(null);
  }

  // ---------------------------------------------------------------- executions

  /**
   * StartExecution on a state machine, version or alias ARN. A null name gets a UUID. Same name and
   * same input while RUNNING returns the running execution; otherwise a reused name is
   * ExecutionAlreadyExists.
   */
  public StartResult startExecution(String arn, String name, String input) {
    ExecutionRecord rec = start(arn, name, parseInput(input), null, false);
    return new StartResult(rec.arn, rec.startDate);
  }

  /**
   * StartSyncExecution (EXPRESS only): runs to completion on the engine clock and returns the final
   * state.
   */
  public ExecutionInfo startSyncExecution(String arn, String name, String input) {
    var m = machine(arn);
    if (m.type != StateMachineType.EXPRESS) {
      throw new StatesApiException(
          "StateMachineTypeNotSupported",
          "This operation is not supported by this type of state machine");
    }
    ExecutionRecord rec = start(arn, name, parseInput(input), null, false);
    return awaitExecution(rec.arn, Duration.ofMinutes(5));
  }

  /** Waits (real time, bounded) until the execution is no longer RUNNING and returns it. */
  public ExecutionInfo awaitExecution(String executionArn, Duration realTimeout) {
    ExecutionRecord rec = record(executionArn);
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
    for (ExecutionRecord r : executions.values()) {
      boolean smMatch =
          stateMachineArn == null
              || r.stateMachineArn.equals(stateMachineArn)
              || stateMachineArn.equals(r.versionArn)
              || stateMachineArn.equals(r.aliasArn);
      if (smMatch && (statusFilter == null || r.status() == statusFilter)) {
        out.add(0, r.info());
      }
    }
    return out;
  }

  public void stopExecution(String executionArn, String error, String cause) {
    ExecutionRecord rec = record(executionArn);
    rec.requestStop();
    runner.stop(rec, error, cause);
  }

  /** ListMapRuns: the distributed Map runs of an execution. */
  public List<MapRunInfo> listMapRuns(String executionArn) {
    return List.copyOf(record(executionArn).mapRuns);
  }

  /** DescribeMapRun. */
  public synchronized MapRunInfo describeMapRun(String mapRunArn) {
    for (ExecutionRecord r : executions.values()) {
      for (MapRunInfo m : r.mapRuns) {
        if (m.mapRunArn().equals(mapRunArn)) {
          return m;
        }
      }
    }
    throw new StatesApiException("ResourceNotFound", "Map Run Does Not Exist: '" + mapRunArn + "'");
  }

  public List<HistoryEvent> getExecutionHistory(String executionArn) {
    return record(executionArn).history.snapshot();
  }

  // ---------------------------------------------------------------- task tokens

  /** SendTaskSuccess: {@code output} must be JSON text (InvalidOutput otherwise). */
  public void sendTaskSuccess(String taskToken, String output) {
    JsonNode value;
    try {
      value = output == null ? Json.object() : Json.parse(output);
    } catch (IllegalArgumentException e) {
      throw new StatesApiException("InvalidOutput", "Invalid Output: '" + e.getMessage() + "'");
    }
    runtime.tokens().succeed(taskToken, value);
  }

  public void sendTaskFailure(String taskToken, String error, String cause) {
    runtime.tokens().fail(taskToken, error, cause);
  }

  public void sendTaskHeartbeat(String taskToken) {
    runtime.tokens().heartbeat(taskToken);
  }

  // ---------------------------------------------------------------- activities

  /** CreateActivity: returns the activity ARN (idempotent). */
  public String createActivity(String name) {
    String arn = "arn:aws:states:" + region + ":" + accountId + ":activity:" + validName(name);
    runtime.activities().create(arn);
    return arn;
  }

  public void deleteActivity(String activityArn) {
    runtime.activities().delete(activityArn);
  }

  public List<String> listActivities() {
    return runtime.activities().list();
  }

  /**
   * GetActivityTask: takes the oldest scheduled task of the activity, waiting up to {@code
   * realTimeout} (real time; zero = do not wait). Returns null when none arrived (AWS returns an
   * empty token).
   */
  public ActivityTask getActivityTask(String activityArn, String workerName, Duration realTimeout) {
    long end = System.nanoTime() + realTimeout.toNanos();
    while (true) {
      ActivityTask task = runtime.activities().poll(activityArn, workerName);
      if (task != null || System.nanoTime() >= end) {
        return task;
      }
      clock.awaitQuiescence(Duration.ofMillis(20));
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
  }

  // ---------------------------------------------------------------- validation and TestState

  /** ValidateStateMachineDefinition: an empty list means valid. */
  public List<DefinitionValidator.Diagnostic> validateStateMachineDefinition(
      String definition, StateMachineType type) {
    return DefinitionValidator.validate(
        definition, type == null ? StateMachineType.STANDARD : type);
  }

  /** TestState: runs one state (see {@link TestStateRequest}). */
  public TestStateResult testState(TestStateRequest request) {
    return new TestStateRunner(runtime, region, accountId).run(request);
  }

  // ---------------------------------------------------------------- internals

  private synchronized ExecutionRecord start(
      String arn, String name, JsonNode input, String parentToken, boolean child) {
    var m = machine(arn);
    String versionArn = null;
    String aliasArn = null;
    String definition = m.definition;
    String roleArn = m.roleArn;
    if (!arn.equals(m.arn)) {
      String qualifier = arn.substring(arn.lastIndexOf(':') + 1);
      var alias = m.aliases.get(qualifier);
      if (alias != null) {
        aliasArn = alias.arn();
        versionArn = route(alias);
      } else {
        versionArn = arn;
      }
      var v = version(m, versionArn);
      if (v == null) {
        throw new StatesApiException(
            "StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
      }
      definition = v.definition();
      roleArn = v.roleArn();
    }
    String execName = name == null ? UUID.randomUUID().toString() : validName(name);
    String kind = m.type == StateMachineType.EXPRESS ? ":express:" : ":execution:";
    String execArn = "arn:aws:states:" + region + ":" + accountId + kind + m.name + ":" + execName;
    ExecutionRecord existing = executions.get(execArn);
    if (existing != null) {
      if (existing.isRunning() && Json.equalsLoose(existing.input, input)) {
        return existing;
      }
      throw new StatesApiException(
          "ExecutionAlreadyExists", "Execution Already Exists: '" + execArn + "'");
    }
    Definition def = Definition.of(Json.parse(definition), Definition.JSONPATH);
    Instant now = clock.now();
    ExecutionRecord rec =
        new ExecutionRecord(
            execArn,
            execName,
            m.arn,
            m.name,
            versionArn,
            aliasArn,
            roleArn,
            def,
            m.type,
            input,
            now,
            new HistoryLog(clock::now, true),
            parentToken);
    executions.put(execArn, rec);
    runner.launch(rec);
    return rec;
  }

  private static final java.util.regex.Pattern INVALID_NAME_CHARS =
      java.util.regex.Pattern.compile("[\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\p{Cntrl}]");

  /**
   * AWS name rules for executions and state machines: 1-80 characters, no
   * whitespace/wildcards/specials.
   */
  static String validName(String name) {
    if (name.isEmpty() || name.length() > 80 || INVALID_NAME_CHARS.matcher(name).find()) {
      throw new StatesApiException("InvalidName", "Invalid Name: '" + name + "'");
    }
    return name;
  }

  private static String route(StateMachineRegistry.Alias alias) {
    int roll = java.util.concurrent.ThreadLocalRandom.current().nextInt(100);
    int acc = 0;
    String last = null;
    for (var e : alias.routing().entrySet()) {
      acc += e.getValue();
      last = e.getKey();
      if (roll < acc) {
        return e.getKey();
      }
    }
    return last;
  }

  private synchronized ExecutionRecord record(String executionArn) {
    ExecutionRecord rec = executions.get(executionArn);
    if (rec == null) {
      throw new StatesApiException(
          "ExecutionDoesNotExist", "Execution Does Not Exist: '" + executionArn + "'");
    }
    return rec;
  }

  static JsonNode parseInput(String input) {
    if (input == null) {
      return Json.object();
    }
    if (input.isBlank()) {
      throw new StatesApiException(
          "InvalidExecutionInput",
          "Invalid State Machine Execution Input: 'Invalid execution input.'");
    }
    try {
      return Json.parse(input);
    } catch (IllegalArgumentException e) {
      throw new StatesApiException(
          "InvalidExecutionInput",
          "Invalid State Machine Execution Input: '" + e.getMessage() + "'");
    }
  }

  private final class Children implements EngineRuntime.ChildExecutions {
    @Override
    public ExecutionRecord start(
        String stateMachineArn, String name, JsonNode input, String parentToken) {
      try {
        return StatesEngine.this.start(stateMachineArn, name, input, parentToken, true);
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
      return record(executionArn);
    }
  }

  /** Engine configuration. */
  public static final class Builder {
    private ClockMode mode = ClockMode.REAL;
    private EngineClock clock;
    private String region = "us-east-1";
    private String accountId = "123456789012";
    private final Map<String, LambdaHandler> lambdas = new LinkedHashMap<>();
    private final List<ServiceIntegration> integrations = new ArrayList<>();
    private java.util.function.Function<String, LambdaHandler> resolver;

    /**
     * Resolves function names that have no registered handler (return null for "function not
     * found").
     */
    public Builder lambdaResolver(java.util.function.Function<String, LambdaHandler> r) {
      this.resolver = r;
      return this;
    }

    public Builder clockMode(ClockMode m) {
      this.mode = m;
      return this;
    }

    /** Use an existing clock (e.g. one shared with the rest of the local runtime). */
    public Builder clock(EngineClock c) {
      this.clock = c;
      return this;
    }

    public Builder region(String r) {
      this.region = r;
      return this;
    }

    public Builder accountId(String a) {
      this.accountId = a;
      return this;
    }

    /** Registers an in-process Lambda function under its function name (ARNs resolve by name). */
    public Builder lambda(String functionName, LambdaHandler handler) {
      lambdas.put(functionName, handler);
      return this;
    }

    /**
     * A handler for every function name without its own handler (e.g. a catch-all stub in tests).
     */
    public Builder defaultLambda(LambdaHandler handler) {
      lambdas.put(EngineRuntime.DEFAULT_LAMBDA, handler);
      return this;
    }

    public Builder integration(ServiceIntegration integration) {
      integrations.add(integration);
      return this;
    }

    public StatesEngine build() {
      return new StatesEngine(this);
    }
  }
}
