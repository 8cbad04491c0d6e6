package dev.waymark.aws.telemetry;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.function.Supplier;

/**
 * Logging context and metrics around one invocation. In Lambda: Powertools structured JSON logs and
 * CloudWatch EMF metrics (functional API, no AspectJ). Locally and in tests: {@link #quiet()}.
 */
public interface Telemetry {
  /** Runs one invocation with the logging context set, then flushes its metrics. */
  <T> T invocation(Context context, Supplier<T> work);

  /** Adds to a count metric of the current invocation. */
  void count(String metric, double value);

  static Telemetry powertools() {
    return new PowertoolsTelemetry();
  }

  static Telemetry quiet() {
    return new Telemetry() {
      @Override
      public <T> T invocation(Context context, Supplier<T> work) {
        return work.get();
      }

      @Override
      public void count(String metric, double value) {
        // local runs and tests record no metrics
      }
    };
  }
}
