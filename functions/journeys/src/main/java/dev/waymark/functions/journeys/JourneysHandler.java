package dev.waymark.functions.journeys;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.waymark.aws.composition.Composition;
import dev.waymark.aws.dynamo.DynamoProfileDirectory;
import dev.waymark.aws.http.HttpHandlerSupport;
import dev.waymark.aws.http.HttpRequests;
import dev.waymark.aws.http.HttpResponses;
import dev.waymark.aws.journey.JourneyServices;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.journey.importer.pinpoint.PinpointImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journeys API: the admin routes of {@link JourneyAdminRoutes} (drafts, publishing, pause,
 * resume, stop, archive, versions, API entries); {@code GET /v1/journeys/{id}/stats} (per version),
 * and per person {@code GET /v1/profiles/{id}/journeys} (each run, where it is, and the decision
 * trace); the promo code pools ({@link CodePoolRoutes}); {@code POST /v1/journeys/{id}/simulate}
 * ({@link JourneySimulator}: a draft run against recorded timelines, sending nothing); {@code POST
 * /v1/journeys/import/pinpoint} (a Pinpoint journey export converted to a journey document, nothing
 * saved); and the templates and layouts API ({@link TemplateRoutes}). The public unsubscribe link
 * has its own function ({@link UnsubscribeHandler}).
 */
public final class JourneysHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(JourneysHandler.class);
  private final JourneyViews views;
  private final JourneyAdminRoutes admin;
  private final TemplateRoutes templates;
  private final CodePoolRoutes codePools;
  private final JourneySimulator simulator;
  private final Telemetry telemetry;

  public JourneysHandler() {
    this(Composition.journeyFunction(), Telemetry.powertools());
  }

  public JourneysHandler(JourneyServices journeys, Telemetry telemetry) {
    this.views = new JourneyViews(journeys);
    this.admin = new JourneyAdminRoutes(journeys.publisher(), journeys.entries());
    this.templates = new TemplateRoutes(journeys.templates());
    this.codePools = new CodePoolRoutes(journeys.publisher(), journeys.codePools());
    this.simulator =
        new JourneySimulator(
            journeys,
            new DynamoProfileDirectory(journeys.core().dynamo(), journeys.core().config().table()));
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
            JourneyAdminRoutes.serves(route)
                ? admin.dispatch(route, event)
                : HttpResponses.json(
                    200,
                    switch (route) {
                      case "GET /v1/journeys/{id}/stats" ->
                          views.stats(HttpRequests.pathParameter(event, "id"));
                      case "POST /v1/journeys/{id}/code-pools/{pool}/codes",
                          "GET /v1/journeys/{id}/code-pools",
                          "GET /v1/journeys/{id}/code-pools/{pool}" ->
                          codePools.dispatch(route, event);
                      case "POST /v1/journeys/{id}/simulate" ->
                          simulator.simulate(
                              HttpRequests.pathParameter(event, "id"),
                              HttpRequests.jsonBodyNode(event),
                              HttpRequests.query(event, "person").orElse(null));
                      case "POST /v1/journeys/import/pinpoint" ->
                          PinpointImport.convert(HttpRequests.jsonBodyNode(event)).toJson();
                      case "GET /v1/profiles/{id}/journeys" ->
                          views.profileJourneys(HttpRequests.pathParameter(event, "id"));
                      case "GET /v1/profiles/{id}/messages" ->
                          views.profileMessages(HttpRequests.pathParameter(event, "id"));
                      case "GET /v1/templates" -> templates.list();
                      case "PUT /v1/templates/{id}" -> templates.put(event);
                      case "GET /v1/templates/{id}" -> templates.get(event);
                      case "GET /v1/templates/{id}/versions/{v}" -> templates.version(event);
                      case "POST /v1/templates/{id}/preview" -> templates.preview(event);
                      case "POST /v1/templates/{id}/test-send" -> templates.testSend(event);
                      case "GET /v1/settings/test-recipients" -> templates.testRecipients();
                      case "PUT /v1/settings/test-recipients" ->
                          templates.replaceTestRecipients(event);
                      case "GET /v1/layouts" -> templates.layouts();
                      case "PUT /v1/layouts/{id}" -> templates.putLayout(event);
                      case "GET /v1/layouts/{id}" -> templates.getLayout(event);
                      default -> throw HttpHandlerSupport.noRoute(route);
                    }));
  }
}
