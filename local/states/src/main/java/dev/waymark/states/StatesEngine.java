package dev.waymark.states;

import dev.waymark.states.asl.DefinitionValidator;
import dev.waymark.states.clock.ClockMode;
import dev.waymark.states.clock.EngineClock;
import dev.waymark.states.exec.EngineRuntime;
import dev.waymark.states.task.LambdaHandler;
import dev.waymark.states.task.ServiceIntegration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local Step Functions engine: it wires one clock, one runtime and the groups of operations of
 * the AWS Step Functions API — {@link #machines()} (state machines, versions, aliases), {@link
 * #executions()} (executions, history, Map runs) and {@link #tasks()} (activities and task token
 * callbacks) — plus TestState and ValidateStateMachineDefinition. API errors are thrown as {@link
 * StatesApiException} with AWS's error code.
 *
 * <pre>{@code
 * StatesEngine engine = StatesEngine.builder().clockMode(ClockMode.SKIP)
 *         .lambda("greet", in -> Json.object().put("hello", in.path("name").asText())).build();
 * String sm = engine.machines().createStateMachine("demo", definitionJson).stateMachineArn();
 * String ex = engine.executions().startExecution(sm, null, "{\"name\":\"x\"}").executionArn();
 * engine.awaitQuiescence(Duration.ofSeconds(5));
 * ExecutionInfo info = engine.executions().describeExecution(ex);
 * }</pre>
 */
public final class StatesEngine implements AutoCloseable {
  private final EngineClock clock;
  private final Account account;
  private final StateMachines machines;
  private final Executions executions;
  private final Tasks tasks;

  private StatesEngine(Builder b) {
    this.clock = b.clock != null ? b.clock : new EngineClock(b.mode);
    this.account = new Account(b.region, b.accountId);
    this.machines = new StateMachines(clock, account);
    this.executions =
        new Executions(
            machines,
            clock,
            account,
            b.retention,
            children ->
                new EngineRuntime(
                    clock,
                    Map.copyOf(b.lambdas),
                    List.copyOf(b.integrations),
                    b.region,
                    b.accountId,
                    children));
    executions.runtime().lambdaResolver(b.resolver);
    this.tasks = new Tasks(executions.runtime(), account);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The engine's clock: the single source of "now" (share it with the rest of a local runtime). */
  public EngineClock clock() {
    return clock;
  }

  /** State machines, their versions and aliases. */
  public StateMachines machines() {
    return machines;
  }

  /** Executions, their history and Map runs. */
  public Executions executions() {
    return executions;
  }

  /** Activities and task token callbacks. */
  public Tasks tasks() {
    return tasks;
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
    executions.abortAll();
  }

  /** ValidateStateMachineDefinition: an empty list means valid. */
  public List<DefinitionValidator.Diagnostic> validateStateMachineDefinition(
      String definition, StateMachineType type) {
    return DefinitionValidator.validate(
        definition, type == null ? StateMachineType.STANDARD : type);
  }

  /** TestState: runs one state (see {@link TestStateRequest}). */
  public TestStateResult testState(TestStateRequest request) {
    return new TestStateRunner(executions.runtime(), account).run(request);
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
    private ExecutionRetention retention = ExecutionRetention.aws();

    /**
     * How long closed executions are kept (default {@link ExecutionRetention#aws()}: 90 days after
     * close, at most 10,000 closed executions).
     */
    public Builder retention(ExecutionRetention r) {
      this.retention = java.util.Objects.requireNonNull(r, "retention");
      return this;
    }

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
