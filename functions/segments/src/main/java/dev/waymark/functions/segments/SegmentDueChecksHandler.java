package dev.waymark.functions.segments;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.composition.Composition;
import dev.waymark.aws.config.Lazy;
import dev.waymark.aws.segment.ScheduledInvocation;
import dev.waymark.aws.telemetry.SnapStartPriming;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.segment.DueSegmentChecks;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hourly sweep of segment re-checks that fell due (time-based entries and exits), invoked by an
 * EventBridge Scheduler cron. It reads the one due bucket of its scheduled hour.
 */
public final class SegmentDueChecksHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentDueChecksHandler.class);
  private final ScheduledInvocation.Runner runner;

  public SegmentDueChecksHandler() {
    this(Composition.coreFunction(), Telemetry.powertools());
  }

  public SegmentDueChecksHandler(WaymarkServices services, Telemetry telemetry) {
    // the segment definitions are parsed on first use, or at SnapStart priming: not at init
    Supplier<DueSegmentChecks> checks = Lazy.of(() -> services.segments().dueChecks());
    SnapStartPriming.register(checks::get);
    this.runner =
        new ScheduledInvocation.Runner(
            services.clock(),
            telemetry,
            at -> {
              int ran = checks.get().run(at);
              telemetry.count("SegmentChecksRun", ran);
              LOG.info("segment due checks: {} run", ran);
              return Map.of("checked", ran);
            });
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    return runner.handle(input, context);
  }
}
