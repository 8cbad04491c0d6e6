package dev.waymark.functions.journeys;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.waymark.aws.composition.Composition;
import dev.waymark.aws.http.HttpHandlerSupport;
import dev.waymark.aws.http.HttpRequests;
import dev.waymark.aws.http.HttpResponses;
import dev.waymark.aws.journey.JourneyServices;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.click.ClickService;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ClickFunction: the links of emails (docs/clicks.md), public like the unsubscribe link. {@code GET
 * /v1/c/{token}} records {@code Message Clicked} and answers 302 to the target (with the {@code
 * wm_id} identity parameter when the token is valid); {@code GET /v1/confirm?token=…} records
 * {@code Email Confirmed}. It runs as its own role (template.yaml's ClickFunctionRole: read the
 * signing secret, read profiles, put events in the inbox).
 */
public final class ClickHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(ClickHandler.class);
  private final ClickService clicks;
  private final Telemetry telemetry;

  public ClickHandler() {
    this(Composition.journeyFunction(), Telemetry.powertools());
  }

  public ClickHandler(JourneyServices journeys, Telemetry telemetry) {
    this.clicks = journeys.clickService();
    this.telemetry = telemetry;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return HttpHandlerSupport.handle(
        telemetry,
        context,
        LOG,
        event,
        route ->
            switch (route) {
              case "GET /v1/c/{token}" -> redirect(HttpRequests.pathParameter(event, "token"));
              case "GET /v1/confirm" ->
                  HttpResponses.json(
                      200, clicks.confirm(HttpRequests.requiredQuery(event, "token")));
              default -> throw HttpHandlerSupport.noRoute(route);
            });
  }

  private APIGatewayV2HTTPResponse redirect(String token) {
    ClickService.Redirect redirect = clicks.click(token);
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(302)
        .withHeaders(
            Map.of(
                "Location",
                redirect.location().toString(),
                "Cache-Control",
                "no-store",
                "Referrer-Policy",
                "no-referrer"))
        .build();
  }
}
