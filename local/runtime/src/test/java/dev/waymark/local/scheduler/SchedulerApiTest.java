package dev.waymark.local.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.waymark.aws.segment.SchedulerTimers;
import dev.waymark.core.json.Json;
import dev.waymark.ddblocal.TemplateTable;
import dev.waymark.local.clock.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;

/**
 * The AWS SDK's SchedulerClient against the local Scheduler endpoint, firing on the virtual clock.
 */
class SchedulerApiTest {
  static final Instant START = Instant.parse("2026-11-24T08:00:00Z");
  final List<Map<String, Object>> leaseScanInputs = new CopyOnWriteArrayList<>();
  VirtualClock clock;
  LocalScheduler scheduler;
  SchedulerHttpApi api;
  SchedulerClient client;

  @BeforeEach
  void start() throws Exception {
    clock = new VirtualClock(START);
    RequestHandler<Map<String, Object>, Object> recorder =
        (input, context) -> leaseScanInputs.add(input);
    scheduler =
        new LocalScheduler(
            clock,
            new ScheduleTargets(
                TemplateTable.findTemplate(),
                Map.of("dev.waymark.functions.datetrigger.DateTriggerHandler", recorder)));
    clock.addDueSource(scheduler);
    api = new SchedulerHttpApi(scheduler, 0);
    client =
        SchedulerClient.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(api.endpoint())
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    api.close();
  }

  @Test
  void createGetListDeleteAndErrorsAsTheSdkExpects() {
    String arn =
        client
            .createSchedule(
                r ->
                    r.name("daily")
                        .groupName("g1")
                        .scheduleExpression("cron(5 0 * * ? *)")
                        .scheduleExpressionTimezone("UTC")
                        .flexibleTimeWindow(w -> w.mode("OFF"))
                        .target(
                            t ->
                                t.arn(ScheduleTargets.localArn("DateTriggerFunction"))
                                    .roleArn("arn:aws:iam::1:role/r")
                                    .input("{}")))
            .scheduleArn();
    assertThat(arn).endsWith("schedule/g1/daily");
    GetScheduleResponse got = client.getSchedule(r -> r.name("daily").groupName("g1"));
    assertThat(got.scheduleExpression()).isEqualTo("cron(5 0 * * ? *)");
    assertThat(got.target().arn()).endsWith(":function:DateTriggerFunction");
    assertThat(got.creationDate()).isEqualTo(START);
    assertThatThrownBy(
            () ->
                client.createSchedule(
                    r ->
                        r.name("daily")
                            .groupName("g1")
                            .scheduleExpression("rate(1 day)")
                            .flexibleTimeWindow(w -> w.mode("OFF"))
                            .target(t -> t.arn("a").roleArn("r"))))
        .isInstanceOf(ConflictException.class);
    assertThat(client.listSchedules(r -> r.groupName("g1").namePrefix("da")).schedules())
        .hasSize(1);
    assertThat(client.listSchedules(r -> r.groupName("g1").namePrefix("x")).schedules()).isEmpty();
    client.deleteSchedule(r -> r.name("daily").groupName("g1"));
    assertThatThrownBy(() -> client.getSchedule(r -> r.name("daily").groupName("g1")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void schedulesFireOnTheVirtualClockWithTheirScheduledTime() {
    client.createSchedule(
        r ->
            r.name("daily")
                .scheduleExpression("cron(5 0 * * ? *)")
                .flexibleTimeWindow(w -> w.mode("OFF"))
                .target(
                    t ->
                        t.arn(ScheduleTargets.localArn("DateTriggerFunction"))
                            .roleArn("r")
                            .input("{\"scheduledTime\":\"<aws.scheduler.scheduled-time>\"}")));
    clock.advance(Duration.ofHours(15));
    assertThat(leaseScanInputs).isEmpty();
    clock.advance(Duration.ofHours(1).plusMinutes(5)); // 2026-11-25T00:05Z
    clock.advance(Duration.ofDays(2)); // two more occurrences, each fired
    assertThat(leaseScanInputs)
        .extracting(i -> i.get("scheduledTime"))
        .containsExactly("2026-11-25T00:05:00Z", "2026-11-26T00:05:00Z", "2026-11-27T00:05:00Z");
  }

  @Test
  void timersAreSetIdempotentlyAndErasureCancelsThemAll() {
    SchedulerTimers timers =
        new SchedulerTimers(
            client,
            new SchedulerTimers.Settings(
                "waymark-timers",
                ScheduleTargets.localArn("DateTriggerFunction"),
                "arn:aws:iam::1:role/r"));
    timers.set(
        "profile-1",
        "renewal-reminder",
        START.plus(Duration.ofDays(3)),
        Json.object().put("kind", "wake"));
    timers.set(
        "profile-1",
        "renewal-reminder",
        START.plus(Duration.ofDays(2)),
        Json.object().put("kind", "wake"));
    timers.set("profile-1", "test-drive", START.plus(Duration.ofDays(5)), Json.object());
    timers.set("profile-2", "test-drive", START.plus(Duration.ofDays(5)), Json.object());
    assertThat(client.listSchedules(r -> r.groupName("waymark-timers")).schedules()).hasSize(3);
    clock.advance(
        Duration.ofDays(2)); // the moved timer fires once, at its new time, then deletes itself
    assertThat(leaseScanInputs).hasSize(1);
    assertThat(leaseScanInputs.get(0))
        .containsEntry("profileId", "profile-1")
        .containsEntry("timerKey", "renewal-reminder")
        .containsEntry("kind", "wake");
    assertThat(timers.cancelAll("profile-1")).isEqualTo(1);
    timers.cancel("profile-1", "never-set"); // not an error
    clock.advance(Duration.ofDays(5));
    assertThat(leaseScanInputs).hasSize(2); // only profile-2's timer was left
    assertThat(client.listSchedules(r -> r.groupName("waymark-timers")).schedules()).isEmpty();
  }
}
