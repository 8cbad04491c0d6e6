package dev.waymark.local.scheduler;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.journey.JourneyServices;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.functions.audienceschedule.AudienceScheduleHandler;
import dev.waymark.functions.datetrigger.DateTriggerHandler;
import dev.waymark.functions.segments.SegmentDueChecksHandler;
import dev.waymark.local.clock.VirtualClock;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The local runtime's EventBridge Scheduler: the template's schedules created in a {@link
 * LocalScheduler} that fires on the virtual clock, the scheduled functions' handlers as its
 * targets, and the Scheduler API on its own port for the functions' {@code SchedulerClient}s.
 */
public record LocalSchedulerRuntime(LocalScheduler scheduler, SchedulerHttpApi api)
    implements AutoCloseable {

  public static LocalSchedulerRuntime start(
      Path template, VirtualClock clock, JourneyServices journeys, Telemetry telemetry)
      throws IOException {
    WaymarkServices services = journeys.core();
    // people without a timezone trait: UTC, as LocalJourneys' configuration has it
    DateTriggerHandler dateTriggers = new DateTriggerHandler(journeys, ZoneOffset.UTC, telemetry);
    Map<String, RequestHandler<Map<String, Object>, ?>> handlers =
        Map.of(
            DateTriggerHandler.class.getName(), dateTriggers,
            AudienceScheduleHandler.class.getName(),
                new AudienceScheduleHandler(journeys, telemetry),
            SegmentDueChecksHandler.class.getName(),
                new SegmentDueChecksHandler(services, telemetry));
    // next-due-time scheduling: the scans and sweeps run only when they have work
    ScheduleTargets targets =
        new ScheduleTargets(template, handlers)
            .withQuietUntil(
                SegmentDueChecksHandler.class.getName(),
                at -> services.segments().dueChecks().nextRun(at))
            .withQuietUntil(
                DateTriggerHandler.class.getName(), at -> dateTriggers.triggers().nextRun(at))
            .withQuietUntil(
                AudienceScheduleHandler.class.getName(),
                at -> services.segments().audienceSchedules().nextRun(at));
    LocalScheduler scheduler = new LocalScheduler(clock, targets);
    TemplateSchedules.create(template, scheduler);
    clock.addDueSource(scheduler);
    return new LocalSchedulerRuntime(scheduler, new SchedulerHttpApi(scheduler, 0));
  }

  /** Where a {@code SchedulerClient} should point ({@code endpointOverride}). */
  public URI endpoint() {
    return api.endpoint();
  }

  @Override
  public void close() {
    api.close();
  }
}
