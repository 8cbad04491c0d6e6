package dev.waymark.aws.telemetry;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.function.Supplier;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/** Powertools for AWS Lambda (Java) v2 through its functional API. */
final class PowertoolsTelemetry implements Telemetry {
  private final Metrics metrics = MetricsFactory.getMetricsInstance();

  @Override
  public <T> T invocation(Context context, Supplier<T> work) {
    return PowertoolsLogging.withLogging(
        context,
        () -> {
          try {
            metrics.captureColdStartMetric(context);
            return work.get();
          } finally {
            metrics.flush();
          }
        });
  }

  @Override
  public void count(String metric, double value) {
    metrics.addMetric(metric, value, MetricUnit.COUNT);
  }
}
