package dev.waymark.functions.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.composition.Composition;
import dev.waymark.aws.http.HttpHandlerSupport;
import dev.waymark.aws.http.HttpRequests;
import dev.waymark.aws.http.HttpResponses;
import dev.waymark.aws.telemetry.SnapStartPriming;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.ingest.IngestResult;
import dev.waymark.core.ingest.IngestService;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /v1/events}: validates a batch, stores each event once, answers 202. */
public final class IngestHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(IngestHandler.class);
  private final IngestService ingest;
  private final Telemetry telemetry;

  public IngestHandler() {
    this(Composition.coreFunction(), Telemetry.powertools());
  }

  private IngestHandler(WaymarkServices services, Telemetry telemetry) {
    this(services.ingest(), telemetry);
    // side-effect free: a write key that does not exist is looked up (a read), nothing is stored
    SnapStartPriming.register(() -> services.writeKeys().authenticate("Bearer snapstart-priming"));
  }

  public IngestHandler(IngestService ingest, Telemetry telemetry) {
    this.ingest = ingest;
    this.telemetry = telemetry;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return telemetry.invocation(
        context, () -> HttpHandlerSupport.respond(LOG, "POST /v1/events", () -> accept(event)));
  }

  private APIGatewayV2HTTPResponse accept(APIGatewayV2HTTPEvent event) {
    List<IngestResult> results = ingest.ingest(HttpRequests.jsonBody(event), source(event));
    long duplicates = results.stream().filter(r -> r.status().equals("duplicate")).count();
    telemetry.count("EventsAccepted", results.size() - duplicates);
    telemetry.count("EventsDuplicate", duplicates);
    LOG.info("batch stored: {} accepted, {} duplicate", results.size() - duplicates, duplicates);
    return HttpResponses.json(202, Map.of("results", results));
  }

  private static String source(APIGatewayV2HTTPEvent event) {
    if (event.getRequestContext() == null || event.getRequestContext().getAuthorizer() == null) {
      return "unknown";
    }
    Map<String, Object> lambda = event.getRequestContext().getAuthorizer().getLambda();
    return lambda == null ? "unknown" : String.valueOf(lambda.getOrDefault("source", "unknown"));
  }
}
