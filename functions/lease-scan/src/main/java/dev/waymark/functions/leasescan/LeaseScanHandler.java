package dev.waymark.functions.leasescan;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.composition.Composition;
import dev.waymark.aws.segment.ScheduledInvocation;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.segment.LeaseScan;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily lease-expiry scan, invoked by an EventBridge Scheduler cron: one query on the sparse
 * date index for leases ending in 90 days, one {@code Lease Close To End} per person per lease.
 * Safe to rerun: the events' messageIds are deterministic and the inbox stores each once.
 */
public final class LeaseScanHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseScanHandler.class);
  private final ScheduledInvocation.Runner runner;

  public LeaseScanHandler() {
    this(Composition.coreFunction(), Telemetry.powertools());
  }

  public LeaseScanHandler(WaymarkServices services, Telemetry telemetry) {
    LeaseScan scan = services.segments().leaseScan();
    this.runner =
        new ScheduledInvocation.Runner(
            services.clock(), telemetry, at -> answer(scan.run(at), telemetry));
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    return runner.handle(input, context);
  }

  private static Map<String, Object> answer(LeaseScan.Result result, Telemetry telemetry) {
    telemetry.count("LeaseEventsEmitted", result.emitted());
    LOG.info(
        "lease scan for {}: found {}, emitted {}, already emitted {}, stale {}",
        result.leaseEnd(),
        result.found(),
        result.emitted(),
        result.alreadyEmitted(),
        result.stale());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("leaseEnd", result.leaseEnd().toString());
    answer.put("found", result.found());
    answer.put("emitted", result.emitted());
    answer.put("alreadyEmitted", result.alreadyEmitted());
    answer.put("stale", result.stale());
    return answer;
  }
}
