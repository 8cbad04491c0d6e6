package dev.waymark.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.aws.segment.SchedulerTimers;
import dev.waymark.core.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;

/**
 * {@link SchedulerTimers}, the real EventBridge Scheduler adapter, against moto: the one-time
 * schedules it creates, updates and deletes, read back with GetSchedule and ListSchedules.
 */
class SchedulerTimersOnMotoIT {
  static final String GROUP = "waymark-timers";
  static final String TARGET = "arn:aws:lambda:us-east-1:123456789012:function:journey-timers";
  static final String ROLE = "arn:aws:iam::123456789012:role/waymark-scheduler";
  static SchedulerClient scheduler;
  static SchedulerTimers timers;

  @BeforeAll
  static void group() {
    scheduler = MotoServer.shared().client(SchedulerClient.builder());
    // template.yaml's AWS::Scheduler::ScheduleGroup (moto answers 500, not
    // ResourceNotFoundException, for a schedule in a group that does not exist)
    scheduler.createScheduleGroup(r -> r.name(GROUP));
    timers = new SchedulerTimers(scheduler, new SchedulerTimers.Settings(GROUP, TARGET, ROLE));
  }

  @Test
  void aTimerIsAOneTimeScheduleThatDeletesItselfWithItsPayloadAsInput() {
    String profile = "p-" + UUID.randomUUID();

    timers.set(
        profile,
        "wait:test-drive-reminder",
        Instant.parse("2026-11-29T10:30:00.750Z"),
        Json.parseObject("{\"journeyId\":\"test-drive\"}"));

    GetScheduleResponse schedule = get(only(profile));
    assertThat(schedule.scheduleExpression()).isEqualTo("at(2026-11-29T10:30:00)");
    assertThat(schedule.scheduleExpressionTimezone()).isEqualTo("UTC");
    assertThat(schedule.flexibleTimeWindow().mode()).isEqualTo(FlexibleTimeWindowMode.OFF);
    assertThat(schedule.actionAfterCompletion()).isEqualTo(ActionAfterCompletion.DELETE);
    assertThat(schedule.target().arn()).isEqualTo(TARGET);
    assertThat(schedule.target().roleArn()).isEqualTo(ROLE);
    JsonNode input = Json.parse(schedule.target().input());
    assertThat(input.path("profileId").asText()).isEqualTo(profile);
    assertThat(input.path("timerKey").asText()).isEqualTo("wait:test-drive-reminder");
    assertThat(input.path("journeyId").asText()).isEqualTo("test-drive");
    assertThat(schedule.name()).doesNotContain(profile).doesNotContain("test-drive-reminder");
  }

  @Test
  void settingATimerAgainMovesTheOneSchedule() {
    String profile = "p-" + UUID.randomUUID();
    timers.set(profile, "due", Instant.parse("2026-12-01T08:00:00Z"), Json.object());

    timers.set(profile, "due", Instant.parse("2026-12-02T09:15:00Z"), Json.object());

    assertThat(get(only(profile)).scheduleExpression()).isEqualTo("at(2026-12-02T09:15:00)");
  }

  @Test
  void cancellingDeletesTheScheduleAndCancellingAgainIsHarmless() {
    String profile = "p-" + UUID.randomUUID();
    timers.set(profile, "due", Instant.parse("2026-12-01T08:00:00Z"), Json.object());
    only(profile);

    timers.cancel(profile, "due");
    timers.cancel(profile, "due");

    assertThat(of(profile)).isEmpty();
  }

  @Test
  void erasureCancelsEveryTimerOfThePersonAndNoOneElses() {
    String sarah = "p-" + UUID.randomUUID();
    String other = "p-" + UUID.randomUUID();
    for (String key : List.of("a", "b", "c")) {
      timers.set(sarah, key, Instant.parse("2026-12-01T08:00:00Z"), Json.object());
    }
    timers.set(other, "a", Instant.parse("2026-12-01T08:00:00Z"), Json.object());

    assertThat(timers.cancelAll(sarah)).isEqualTo(3);

    assertThat(of(sarah)).isEmpty();
    assertThat(of(other)).hasSize(1);
  }

  /** The schedules of one profile: the timers' names share a prefix derived from its id. */
  private static List<ScheduleSummary> of(String profile) {
    String prefix = name(profile);
    return scheduler.listSchedulesPaginator(r -> r.groupName(GROUP)).schedules().stream()
        .filter(s -> s.name().startsWith(prefix))
        .toList();
  }

  private static ScheduleSummary only(String profile) {
    List<ScheduleSummary> schedules = of(profile);
    assertThat(schedules).hasSize(1);
    return schedules.get(0);
  }

  private static GetScheduleResponse get(ScheduleSummary summary) {
    return scheduler.getSchedule(r -> r.name(summary.name()).groupName(GROUP));
  }

  /** The name prefix SchedulerTimers gives a profile's timers: t-(first 24 hex of sha-256)-. */
  private static String name(String profile) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(profile.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "t-" + java.util.HexFormat.of().formatHex(digest).substring(0, 24) + "-";
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
