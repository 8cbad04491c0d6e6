package dev.waymark.aws.segment;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The input EventBridge Scheduler gives a scheduled function: template.yaml sets it to {@code
 * {"scheduledTime":"<aws.scheduler.scheduled-time>"}}, so a run (and its retries) knows which
 * occurrence it stands for, not just when it happened to start.
 */
public final class ScheduledInvocation {
  public static final String SCHEDULED_TIME = "scheduledTime";

  private ScheduledInvocation() {}

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
