package dev.waymark.functions.leasescan;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.composition.Composition;
import dev.waymark.aws.segment.ScheduledInvocation;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.segment.LeaseScan;
import java.time.Clock;
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
  private final LeaseScan scan;
  private final Clock clock;
  private final Telemetry telemetry;

  public LeaseScanHandler() {
    this(Composition.coreFunction(), Telemetry.powertools());
  }

  public LeaseScanHandler(WaymarkServices services, Telemetry telemetry) {
    this.scan = services.segments().leaseScan();
    this.clock = services.clock();
    this.telemetry = telemetry;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    return telemetry.invocation(
        context,
        () -> {
          LeaseScan.Result result = scan.run(ScheduledInvocation.scheduledTime(input, clock));
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
        });
  }
}
