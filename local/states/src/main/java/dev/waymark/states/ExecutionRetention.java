package dev.waymark.states;

import java.time.Duration;

/**
 * How long an engine keeps a closed execution (its description, history and Map runs). Step
 * Functions forgets a closed execution 90 days after it closed: DescribeExecution and
 * GetExecutionHistory then answer ExecutionDoesNotExist, and its name may be used again. To bound
 * memory the engine also keeps at most {@code closedCap} closed executions and at most {@code
 * closedEventCap} history events of closed executions (the newest closed execution is kept whatever
 * its size), forgetting the oldest closed first. Running executions are never forgotten, nor a
 * closed child execution (states:startExecution) while its parent still runs.
 *
 * @param afterClose how long after it closed an execution is forgotten (engine clock); null: never
 * @param closedCap how many closed executions are kept at most; {@link Integer#MAX_VALUE}: no cap
 * @param closedEventCap how many history events closed executions may hold together; {@link
 *     Long#MAX_VALUE}: no cap
 */
public record ExecutionRetention(Duration afterClose, int closedCap, long closedEventCap) {
  /** Step Functions' 90 days after close. */
  public static final Duration AWS_RETENTION = Duration.ofDays(90);

  /** The default cap on closed executions kept. */
  public static final int DEFAULT_CLOSED_CAP = 10_000;

  /**
   * The default cap on the history events of closed executions: an event takes 0.7-1 KB of heap
   * (measured on the benchmark's definitions), so about 400 MB.
   */
  public static final long DEFAULT_CLOSED_EVENT_CAP = 500_000;

  public ExecutionRetention {
    if (afterClose != null && (afterClose.isNegative() || afterClose.isZero())) {
      throw new IllegalArgumentException("afterClose must be positive: " + afterClose);
    }
    if (closedCap < 0) {
      throw new IllegalArgumentException("closedCap must not be negative: " + closedCap);
    }
    if (closedEventCap < 0) {
      throw new IllegalArgumentException("closedEventCap must not be negative: " + closedEventCap);
    }
  }

  /** 90 days after close, at most 10,000 closed executions and 500,000 events: the default. */
  public static ExecutionRetention aws() {
    return closedCap(DEFAULT_CLOSED_CAP);
  }

  /** 90 days after close, at most {@code closedCap} closed executions and 500,000 events. */
  public static ExecutionRetention closedCap(int closedCap) {
    return new ExecutionRetention(AWS_RETENTION, closedCap, DEFAULT_CLOSED_EVENT_CAP);
  }

  /** Never forgets (e.g. a short simulation that reads every execution at its end). */
  public static ExecutionRetention keepAll() {
    return new ExecutionRetention(null, Integer.MAX_VALUE, Long.MAX_VALUE);
  }
}
