package dev.waymark.local.latency;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Where an event's way to the outbox spends its time in the local runtime: the first instant
 * ({@link System#nanoTime()}) each stage of the pipeline was reached since {@link #arm()}. Cheap
 * enough to stay on (one compare-and-set per stage reached; no payload is looked at or kept), and
 * meant for one event at a time: a benchmark arms it, sends one event, waits for its message, reads
 * the marks, and lets everything settle before the next.
 */
public final class PipelineProbe {
  /** The stages, in the order an event reaches them. */
  public enum Stage {
    /** The ingest handler accepted the event (its inbox put is done). */
    ACCEPTED,
    /** The stream poller handed the batch holding it to the process function. */
    DELIVERED,
    /** The local Step Functions endpoint received a StartExecution (the router started a run). */
    STARTED,
    /** The executor invoked the send task. */
    TASK,
    /** The local SES/SNS endpoint put the message in the outbox. */
    SENT,
    /** The process function returned for the batch holding it. */
    PROCESSED
  }

  private final AtomicLongArray first = new AtomicLongArray(Stage.values().length);

  /** Forgets every mark: the next mark of each stage counts. */
  public void arm() {
    for (int i = 0; i < first.length(); i++) {
      first.set(i, 0);
    }
  }

  /** Notes that {@code stage} was reached now, unless it already was since {@link #arm()}. */
  public void mark(Stage stage) {
    first.compareAndSet(stage.ordinal(), 0, System.nanoTime());
  }

  /** When {@code stage} was first reached since {@link #arm()} (nanoTime), or 0 if not yet. */
  public long at(Stage stage) {
    return first.get(stage.ordinal());
  }

  /**
   * {@code h}, marking {@code before} as it is called and {@code after} as it returns (either may
   * be null: no mark).
   */
  public <I, O> RequestHandler<I, O> around(Stage before, Stage after, RequestHandler<I, O> h) {
    return (I input, Context context) -> {
      if (before != null) {
        mark(before);
      }
      try {
        return h.handleRequest(input, context);
      } finally {
        if (after != null) {
          mark(after);
        }
      }
    };
  }
}
