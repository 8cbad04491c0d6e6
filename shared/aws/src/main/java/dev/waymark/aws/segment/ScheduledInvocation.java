package dev.waymark.aws.segment;

import com.amazonaws.services.lambda.runtime.Context;
import dev.waymark.aws.telemetry.Telemetry;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Function;

/**
 * The input EventBridge Scheduler gives a scheduled function: template.yaml sets it to {@code
 * {"scheduledTime":"<aws.scheduler.scheduled-time>"}}, so a run (and its retries) knows which
 * occurrence it stands for, not just when it happened to start.
 */
public final class ScheduledInvocation {
  public static final String SCHEDULED_TIME = "scheduledTime";

  private ScheduledInvocation() {}

  /**
   * A scheduled function's work: run for the occurrence the input names (see {@link
   * #scheduledTime}), inside the invocation's telemetry; its answer is the function's result.
   */
  public record Runner(
      Clock clock, Telemetry telemetry, Function<Instant, Map<String, Object>> work) {
    public Map<String, Object> handle(Map<String, Object> input, Context context) {
      return telemetry.invocation(context, () -> work.apply(scheduledTime(input, clock)));
    }
  }

  /** The scheduled time of this occurrence; now when the input has none (a manual invocation). */
  public static Instant scheduledTime(Map<String, Object> input, Clock clock) {
    Object value = input == null ? null : input.get(SCHEDULED_TIME);
    if (value instanceof String text && !text.isBlank()) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("scheduledTime is not an ISO instant: " + text, e);
      }
    }
    return clock.instant();
  }
}
