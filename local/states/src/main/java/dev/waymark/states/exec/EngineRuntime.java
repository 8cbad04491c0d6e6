package dev.waymark.states.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.states.clock.EngineClock;
import dev.waymark.states.task.LambdaHandler;
import dev.waymark.states.task.ServiceIntegration;
import java.util.List;
import java.util.Map;

/**
 * Services the interpreter uses: clock, Lambda handlers, integrations, task tokens, nested
 * executions.
 */
public final class EngineRuntime {
  public static final int PAYLOAD_LIMIT = 256 * 1024;

  final EngineClock clock;
  final Map<String, LambdaHandler> lambdas;
  final List<ServiceIntegration> integrations;
  final TokenRegistry tokens;
  final String region;
  final String accountId;
  final ChildExecutions children;
  final Activities activities;
  private volatile java.util.function.Function<String, LambdaHandler> resolver;

  /** A fallback lookup for function names without a registered handler (may return null). */
  public void lambdaResolver(java.util.function.Function<String, LambdaHandler> r) {
    this.resolver = r;
  }

  /** Starts and observes nested executions (states:startExecution). */
  public interface ChildExecutions {
    /**
     * Starts a child of {@code parent}; it is kept at least as long as its parent runs, so the
     * parent can {@link #find} it.
     */
    ExecutionRecord start(
        String stateMachineArn,
        String name,
        JsonNode input,
        ExecutionRecord parent,
        String parentToken);

    /** A child the calling execution started. */
    ExecutionRecord find(String executionArn);
  }

  public EngineRuntime(
      EngineClock clock,
      Map<String, LambdaHandler> lambdas,
      List<ServiceIntegration> integrations,
      String region,
      String accountId,
      ChildExecutions children) {
    this.clock = clock;
    this.lambdas = lambdas;
    this.integrations = integrations;
    this.tokens = new TokenRegistry(clock);
    this.region = region;
    this.accountId = accountId;
    this.children = children;
    this.activities = new Activities(clock);
  }

  public Activities activities() {
    return activities;
  }

  public TokenRegistry tokens() {
    return tokens;
  }

  public EngineClock clock() {
    return clock;
  }

  /** The handler for a function name or ARN (name, name:qualifier, or full ARN). */
  LambdaHandler lambda(String nameOrArn) {
    String n = nameOrArn;
    if (n.startsWith("arn:")) {
      String[] p = n.split(":");
      n = p.length > 6 ? p[6] : n;
    } else if (n.contains(":")) {
      n = n.substring(0, n.indexOf(':'));
    }
    LambdaHandler h = lambdas.get(n);
    if (h == null) {
      h = lambdas.get(nameOrArn);
    }
    if (h == null && resolver != null) {
      h = resolver.apply(n);
    }
    return h != null ? h : lambdas.get(DEFAULT_LAMBDA);
  }

  /**
   * Registry key of the handler used for functions without their own handler (tests, catch-all
   * stubs).
   */
  public static final String DEFAULT_LAMBDA = "*";
}
