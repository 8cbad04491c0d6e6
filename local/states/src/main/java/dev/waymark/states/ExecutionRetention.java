package dev.waymark.states;

import java.time.Duration;

/**
 * How long an engine keeps a closed execution (its description, history and Map runs). Step
 * Functions forgets a closed execution 90 days after it closed: DescribeExecution and
 * GetExecutionHistory then answer ExecutionDoesNotExist, and its name may be used again. To bound
 * memory the engine also keeps at most {@code closedCap} closed executions, forgetting the oldest
 * closed first. Running executions are never forgotten, nor a closed child execution
 * (states:startExecution) while its parent still runs.
 *
 * @param afterClose how long after it closed an execution is forgotten (engine clock); null: never
 * @param closedCap how many closed executions are kept at most; {@link Integer#MAX_VALUE}: no cap
 */
public record ExecutionRetention(Duration afterClose, int closedCap) {
  /** Step Functions' 90 days after close. */
  public static final Duration AWS_RETENTION = Duration.ofDays(90);

  /** The default cap on closed executions kept. */
  public static final int DEFAULT_CLOSED_CAP = 10_000;

  public ExecutionRetention {
    if (afterClose != null && (afterClose.isNegative() || afterClose.isZero())) {
      throw new IllegalArgumentException("afterClose must be positive: " + afterClose);
    }
    if (closedCap < 0) {
      throw new IllegalArgumentException("closedCap must not be negative: " + closedCap);
    }
  }

  /** 90 days after close, at most {@link #DEFAULT_CLOSED_CAP} closed executions: the default. */
  public static ExecutionRetention aws() {
    return new ExecutionRetention(AWS_RETENTION, DEFAULT_CLOSED_CAP);
  }

  /** 90 days after close, at most {@code closedCap} closed executions. */
  public static ExecutionRetention closedCap(int closedCap) {
    return new ExecutionRetention(AWS_RETENTION, closedCap);
  }

  /** Never forgets (e.g. a short simulation that reads every execution at its end). */
  public static ExecutionRetention keepAll() {
    return new ExecutionRetention(null, Integer.MAX_VALUE);
  }
}
