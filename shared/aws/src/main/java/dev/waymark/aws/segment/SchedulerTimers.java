package dev.waymark.aws.segment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.json.Json;
import dev.waymark.core.segment.Timers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;
import software.amazon.awssdk.services.scheduler.model.UpdateScheduleRequest;

/**
 * One-time timers as EventBridge Scheduler {@code at()} schedules in one group, deleted by the
 * scheduler after they fire. Names are {@code t-<hash(profileId)>-<hash(key)>}: deterministic, so
 * setting a timer twice updates the one schedule, and all of a person's timers share a prefix, so
 * erasure finds them with one listing. Neither the profile id nor the key appears in clear.
 */
public record SchedulerTimers(SchedulerClient scheduler, Settings settings) implements Timers {
  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  /**
   * @param group the schedule group ({@code WAYMARK_TIMER_GROUP})
   * @param targetArn the function timers invoke ({@code WAYMARK_TIMER_TARGET_ARN})
   * @param roleArn the role the scheduler invokes it with ({@code WAYMARK_SCHEDULER_ROLE_ARN})
   */
  public record Settings(String group, String targetArn, String roleArn) {}

  @Override
  public void set(String profileId, String key, Instant at, ObjectNode payload) {
    ObjectNode input = payload.deepCopy().put("profileId", profileId).put("timerKey", key);
    String name = name(profileId, key);
    String expression = "at(" + AT.format(at.truncatedTo(ChronoUnit.SECONDS)) + ")";
    CreateScheduleRequest create =
        CreateScheduleRequest.builder()
            .name(name)
            .groupName(settings.group())
            .scheduleExpression(expression)
            .scheduleExpressionTimezone("UTC")
            .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
            .actionAfterCompletion(ActionAfterCompletion.DELETE)
            .target(
                t ->
                    t.arn(settings.targetArn())
                        .roleArn(settings.roleArn())
                        .input(Json.write(input)))
            .build();
    try {
      scheduler.createSchedule(create);
    } catch (ConflictException exists) {
      scheduler.updateSchedule(
          UpdateScheduleRequest.builder()
              .name(name)
              .groupName(settings.group())
              .scheduleExpression(expression)
              .scheduleExpressionTimezone("UTC")
              .flexibleTimeWindow(create.flexibleTimeWindow())
              .actionAfterCompletion(ActionAfterCompletion.DELETE)
              .target(create.target())
              .build());
    }
  }

  @Override
  public void cancel(String profileId, String key) {
    delete(name(profileId, key));
  }

  @Override
  public int cancelAll(String profileId) {
    int cancelled = 0;
    for (ScheduleSummary schedule :
        scheduler
            .listSchedulesPaginator(
                r -> r.groupName(settings.group()).namePrefix(prefix(profileId)))
            .schedules()) {
      delete(schedule.name());
      cancelled++;
    }
    return cancelled;
  }

  private void delete(String name) {
    try {
      scheduler.deleteSchedule(r -> r.name(name).groupName(settings.group()));
    } catch (ResourceNotFoundException gone) {
      // already fired (and deleted itself) or cancelled before
    }
  }

  static String name(String profileId, String key) {
    return prefix(profileId) + hash(key);
  }

  static String prefix(String profileId) {
    return "t-" + hash(profileId) + "-";
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 24);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
