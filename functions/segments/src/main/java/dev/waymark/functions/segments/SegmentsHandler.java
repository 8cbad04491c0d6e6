package dev.waymark.functions.segments;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.composition.Composition;
import dev.waymark.aws.config.Lazy;
import dev.waymark.aws.http.HttpHandlerSupport;
import dev.waymark.aws.telemetry.SnapStartPriming;
import dev.waymark.aws.telemetry.Telemetry;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The segment routes of the HTTP API, dispatched on the route key API Gateway matched. */
public final class SegmentsHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentsHandler.class);
  private final Supplier<SegmentRoutes> routes;
  private final Telemetry telemetry;

  public SegmentsHandler() {
    this(Composition.coreFunction(), Telemetry.powertools());
  }

  public SegmentsHandler(WaymarkServices services, Telemetry telemetry) {
    // the segment definitions are parsed on first use, or at SnapStart priming: not at init
    this.routes = Lazy.of(() -> new SegmentRoutes(services.segments()));
    SnapStartPriming.register(routes::get);
    this.telemetry = telemetry;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return HttpHandlerSupport.handle(
        telemetry, context, LOG, event, route -> dispatch(route, event));
  }

  private APIGatewayV2HTTPResponse dispatch(String route, APIGatewayV2HTTPEvent event) {
    return switch (route) {
      case "GET /v1/segments" -> routes.get().list();
      case "GET /v1/segments/{id}" -> routes.get().get(event);
      case "GET /v1/segments/{id}/sizes" -> routes.get().sizes(event);
      case "POST /v1/segments/preview" -> routes.get().preview(event);
      case "GET /v1/profiles/{id}/segments" -> routes.get().profileSegments(event);
      default -> throw HttpHandlerSupport.noRoute(route);
    };
  }
}
