package dev.waymark.functions.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.composition.Composition;
import dev.waymark.aws.http.HttpHandlerSupport;
import dev.waymark.aws.http.HttpResponses;
import dev.waymark.aws.telemetry.SnapStartPriming;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.access.WriteKeys;
import dev.waymark.core.event.EventType;
import dev.waymark.core.ingest.IngestResult;
import dev.waymark.core.ingest.IngestService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/events} and Segment's tracking API ({@code /v1/batch}, {@code /v1/track}, {@code
 * /v1/identify}, {@code /v1/page}, {@code /v1/screen}, {@code /v1/group}, {@code /v1/alias}):
 * validates a batch (or one call), stores each event once, answers 202.
 */
public final class IngestHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(IngestHandler.class);

  /** Built on first use or at priming (it compiles the event schema): see WaymarkServices. */
  private final Supplier<IngestService> ingest;

  private final WriteKeys writeKeys;
  private final Telemetry telemetry;

  public IngestHandler() {
    this(Composition.coreFunction(), Telemetry.powertools());
  }

  private IngestHandler(WaymarkServices services, Telemetry telemetry) {
    this(services::ingest, services.writeKeys(), telemetry);
    // side-effect free: a write key that does not exist is looked up (a read), and a batch the
    // schema refuses (no userId or anonymousId) is validated, so nothing is stored
    SnapStartPriming.register(
        () -> {
          services.writeKeys().authenticate("Bearer snapstart-priming");
          IngestPriming.refusedBatch(services.ingest());
        });
  }

  /** Without write keys: only requests the authorizer checked (Authorization header) pass. */
  public IngestHandler(IngestService ingest, Telemetry telemetry) {
    this(ingest, null, telemetry);
  }

  /** With write keys, to check the {@code writeKey} of requests without an Authorization header. */
  public IngestHandler(IngestService ingest, WriteKeys writeKeys, Telemetry telemetry) {
    this(() -> ingest, writeKeys, telemetry);
  }

  private IngestHandler(Supplier<IngestService> ingest, WriteKeys writeKeys, Telemetry telemetry) {
    this.ingest = ingest;
    this.writeKeys = writeKeys;
    this.telemetry = telemetry;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return telemetry.invocation(
        context, () -> HttpHandlerSupport.respond(LOG, routeKey(event), () -> accept(event)));
  }

  private APIGatewayV2HTTPResponse accept(APIGatewayV2HTTPEvent event) {
    String body = SdkRequestBody.read(event);
    List<IngestResult> results = ingest.get().ingest(body, source(event, body), singleCall(event));
    long duplicates = results.stream().filter(r -> r.status().equals("duplicate")).count();
    telemetry.count("EventsAccepted", results.size() - duplicates);
    telemetry.count("EventsDuplicate", duplicates);
    LOG.info("batch stored: {} accepted, {} duplicate", results.size() - duplicates, duplicates);
    return HttpResponses.json(202, Map.of("results", results));
  }

  private static String routeKey(APIGatewayV2HTTPEvent event) {
    return event.getRouteKey() == null ? "POST /v1/events" : event.getRouteKey();
  }

  /** The call type of a single-call route ({@code POST /v1/track} → track), none for batches. */
  static Optional<EventType> singleCall(APIGatewayV2HTTPEvent event) {
    String key = routeKey(event);
    String last = key.substring(key.lastIndexOf('/') + 1);
    return switch (last) {
      case "track", "identify", "page", "screen", "group", "alias" ->
          Optional.of(EventType.fromWire(last));
      // analytics.js: /v1/t, /v1/i, /v1/p, /v1/s, /v1/g, /v1/a
      case "t", "i", "p", "s", "g", "a" ->
          java.util.Arrays.stream(EventType.values())
              .filter(t -> t.wireName().startsWith(last))
              .findFirst();
      default -> Optional.empty();
    };
  }

  private String source(APIGatewayV2HTTPEvent event, String body) {
    Map<String, Object> lambda =
        event.getRequestContext() == null || event.getRequestContext().getAuthorizer() == null
            ? null
            : event.getRequestContext().getAuthorizer().getLambda();
    if (lambda != null && "body".equals(lambda.get("writeKeyIn"))) {
      return BodyWriteKey.sourceOf(body, writeKeys);
    }
    return lambda == null ? "unknown" : String.valueOf(lambda.getOrDefault("source", "unknown"));
  }
}
