package dev.waymark.functions.datetrigger;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.composition.Composition;
import dev.waymark.aws.config.Lazy;
import dev.waymark.aws.dynamo.DynamoProfileDirectory;
import dev.waymark.aws.journey.JourneyConfig;
import dev.waymark.aws.journey.JourneyServices;
import dev.waymark.aws.segment.ScheduledInvocation;
import dev.waymark.aws.telemetry.SnapStartPriming;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.segment.DateTraitMarkers;
import dev.waymark.core.segment.DateTrigger;
import dev.waymark.core.segment.DateTriggers;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The date triggers, invoked hourly by an EventBridge Scheduler cron: for each (trait, offset) the
 * live journeys' {@code dateTrait} entries name, one query on the sparse date index per trait and
 * day, one {@code Date Trait Reached} per person whose local day it is. Safe to rerun: the events'
 * messageIds are deterministic and the inbox stores each once.
 */
public final class DateTriggerHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private static final Logger LOG = LoggerFactory.getLogger(DateTriggerHandler.class);

  /** A backfill pass reads this many pages of 100 profiles. */
  static final int BACKFILL_PAGES = 100;

  private final Supplier<DateTriggers> triggers;
  private final ScheduledInvocation.Runner runner;
  private final WaymarkServices core;

  public DateTriggerHandler() {
    this(
        Composition.journeyFunction(),
        JourneyConfig.from(System.getenv()).defaultZone(),
        Telemetry.powertools());
  }

  /** The triggers of {@code journeys}' live catalog; people without a timezone trait in zone. */
  public DateTriggerHandler(JourneyServices journeys, ZoneId defaultZone, Telemetry telemetry) {
    this(journeys.core(), () -> DateTrigger.published(journeys.catalog()), defaultZone, telemetry);
  }

  /** The given triggers (the catalog's, or a test's) over the core services' date index. */
  public DateTriggerHandler(
      WaymarkServices core,
      Supplier<List<DateTrigger>> published,
      ZoneId defaultZone,
      Telemetry telemetry) {
    this.core = core;
    // the segment definitions are parsed on first use, or at SnapStart priming: not at init
    this.triggers =
        Lazy.of(
            () ->
                new DateTriggers(
                    core.segments().dateMarkers(),
                    core.profiles(),
                    core.inbox(),
                    published,
                    defaultZone));
    SnapStartPriming.register(triggers::get);
    this.runner =
        new ScheduledInvocation.Runner(
            core.clock(), telemetry, at -> answer(triggers.get().run(at), telemetry));
  }

  /** The run this handler makes (the local scheduler asks it when it next has work). */
  public DateTriggers triggers() {
    return triggers.get();
  }

  /**
   * The scheduled run; or, with input {@code {"backfill": true, "cursor": <from the last answer>}},
   * one backfill pass (docs/operations.md#date-triggers-after-an-upgrade).
   */
  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    if (Boolean.TRUE.equals(input.get("backfill"))) {
      return backfill(input.get("cursor"));
    }
    return runner.handle(input, context);
  }

  private Map<String, Object> backfill(Object cursor) {
    if (cursor != null && !(cursor instanceof String)) {
      throw new IllegalArgumentException("cursor must be the cursor of the last answer");
    }
    DateTraitMarkers.Backfill pass =
        core.segments()
            .dateTraitMarkers()
            .backfill(
                new DynamoProfileDirectory(core.dynamo(), core.config().table()),
                (String) cursor,
                BACKFILL_PAGES,
                100,
                core.clock().instant());
    LOG.info("date marker backfill: {} profiles, {} date traits", pass.profiles(), pass.marked());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("profiles", pass.profiles());
    answer.put("marked", pass.marked());
    answer.put("cursor", pass.cursor());
    return answer;
  }

  private static Map<String, Object> answer(DateTriggers.Result result, Telemetry telemetry) {
    telemetry.count("DateTriggerEventsEmitted", result.emitted());
    LOG.info(
        "date triggers at {}: {} triggers, found {}, emitted {}, already emitted {}, stale {}",
        result.at(),
        result.triggers(),
        result.found(),
        result.emitted(),
        result.alreadyEmitted(),
        result.stale());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("at", result.at().toString());
    answer.put("triggers", result.triggers());
    answer.put("found", result.found());
    answer.put("emitted", result.emitted());
    answer.put("alreadyEmitted", result.alreadyEmitted());
    answer.put("stale", result.stale());
    return answer;
  }
}
