package dev.waymark.functions.audienceschedule;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.composition.Composition;
import dev.waymark.aws.segment.ScheduledInvocation;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.segment.AudienceScheduleRun;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hourly run of the audience schedules (segments/schedules/*.yaml), invoked by an EventBridge
 * Scheduler cron: members of each schedule's segment whose local time is the schedule's hour are
 * asked to enter its journey (an {@code Audience Schedule Fired} event each, once per occurrence).
 */
public final class AudienceScheduleHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private static final Logger LOG = LoggerFactory.getLogger(AudienceScheduleHandler.class);
  private final ScheduledInvocation.Runner runner;

  public AudienceScheduleHandler() {
    this(Composition.coreFunction(), Telemetry.powertools());
  }

  public AudienceScheduleHandler(WaymarkServices services, Telemetry telemetry) {
    AudienceScheduleRun schedules = services.segments().audienceSchedules();
    this.runner =
        new ScheduledInvocation.Runner(
            services.clock(),
            telemetry,
            at -> {
              int requested = schedules.run(at);
              telemetry.count("AudienceEntriesRequested", requested);
              LOG.info("audience schedules: {} entries requested", requested);
              return Map.of("requested", requested);
            });
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    return runner.handle(input, context);
  }
}
