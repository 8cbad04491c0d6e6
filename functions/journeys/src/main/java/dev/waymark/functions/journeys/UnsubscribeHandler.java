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
import dev.waymark.core.segment.ConsentRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * UnsubscribeFunction: the one-click unsubscribe link of every email, {@code GET|POST
 * /v1/unsubscribe?token=…}, the only route anyone may call without a key or a signature. It runs as
 * its own role (template.yaml's UnsubscribeFunctionRole: read the signing secret, read and update
 * the person's profile and consents; no sends, no journeys).
 */
public final class UnsubscribeHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(UnsubscribeHandler.class);
  private final Unsubscribe unsubscribe;
  private final Telemetry telemetry;

  public UnsubscribeHandler() {
    this(Composition.journeyFunction(), Telemetry.powertools());
  }

  public UnsubscribeHandler(JourneyServices journeys, Telemetry telemetry) {
    this.unsubscribe =
        new Unsubscribe(
            journeys.unsubscribe(),
            new ConsentRecorder(
                journeys.core().profiles(), journeys.core().inbox(), journeys.core().clock()),
            journeys.core().clock());
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
              case "GET /v1/unsubscribe", "POST /v1/unsubscribe" ->
                  HttpResponses.json(
                      200, unsubscribe.unsubscribe(HttpRequests.requiredQuery(event, "token")));
              default -> throw HttpHandlerSupport.noRoute(route);
            });
  }
}
