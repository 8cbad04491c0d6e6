package dev.waymark.functions.audienceschedule;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.composition.Composition;
import dev.waymark.aws.config.Lazy;
import dev.waymark.aws.journey.JourneyServices;
import dev.waymark.aws.segment.ScheduledInvocation;
import dev.waymark.aws.telemetry.SnapStartPriming;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.journey.EntryRefusals;
import dev.waymark.core.segment.AudienceScheduleRun;
import dev.waymark.core.segment.InboxJourneyEntryRequests;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hourly run of the audience schedules (segments/schedules/*.yaml), invoked by an EventBridge
 * Scheduler cron: members of each schedule's segment whose local time is the schedule's hour are
 * asked to enter its journey (an {@code Audience Schedule Fired} event each, once per occurrence).
 * Built on the journey services, a run first settles the entries its journeys are certain to refuse
 * (a lock still running: {@link EntryRefusals}), so those members cost no event.
 */
public final class AudienceScheduleHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private static final Logger LOG = LoggerFactory.getLogger(AudienceScheduleHandler.class);
  private final ScheduledInvocation.Runner runner;

  public AudienceScheduleHandler() {
    this(Composition.journeyFunction(), Telemetry.powertools());
  }

  /** Runs whose certain refusals are settled ahead by the journeys' own router. */
  public AudienceScheduleHandler(JourneyServices journeys, Telemetry telemetry) {
    this(journeys.core(), Lazy.of(() -> withRefusals(journeys)), telemetry);
  }

  /** Runs that ask every member (each request an event; the router decides them all). */
  public AudienceScheduleHandler(WaymarkServices services, Telemetry telemetry) {
    this(services, Lazy.of(() -> services.segments().audienceSchedules()), telemetry);
  }

  private AudienceScheduleHandler(
      WaymarkServices services, Supplier<AudienceScheduleRun> schedules, Telemetry telemetry) {
    // the segment definitions are parsed on first use, or at SnapStart priming: not at init
    SnapStartPriming.register(schedules::get);
    this.runner =
        new ScheduledInvocation.Runner(
            services.clock(),
            telemetry,
            at -> {
              int requested = schedules.get().run(at);
              telemetry.count("AudienceEntriesRequested", requested);
              LOG.info("audience schedules: {} entries requested", requested);
              return Map.of("requested", requested);
            });
  }

  private static AudienceScheduleRun withRefusals(JourneyServices journeys) {
    WaymarkServices core = journeys.core();
    return core.segments()
        .audienceSchedules()
        .withEntries(
            new InboxJourneyEntryRequests(core.inbox(), core.profiles(), core.clock())
                .withRefusals(new EntryRefusals(journeys.router(), core.clock())));
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    return runner.handle(input, context);
  }
}
