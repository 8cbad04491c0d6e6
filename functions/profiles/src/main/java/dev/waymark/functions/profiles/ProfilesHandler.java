package dev.waymark.functions.profiles;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.composition.Composition;
import dev.waymark.aws.http.HttpHandlerSupport;
import dev.waymark.aws.http.HttpResponses;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.profile.EventCursors;
import dev.waymark.core.profile.ExecutionStopper;
import dev.waymark.core.secret.KeyRing;
import dev.waymark.core.secret.SignedTokens;
import dev.waymark.core.segment.ConsentRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The profile routes of the HTTP API, dispatched on the route key API Gateway matched. */
public final class ProfilesHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(ProfilesHandler.class);
  private final ProfileRoutes routes;
  private final DeadLetterRoutes deadLetters;
  private final Telemetry telemetry;
  private final MessageRoutes messages;

  public ProfilesHandler() {
    this(Composition.profilesFunction(), Composition.erasureStopper(), Telemetry.powertools());
  }

  private ProfilesHandler(
      Composition.CoreAndKeys parts, ExecutionStopper runs, Telemetry telemetry) {
    this(parts.core(), parts.signingKeys(), runs, telemetry);
  }

  /**
   * @param signingKeys the keys the events cursors are signed with (the link-signing keys)
   * @param runs stops an erased person's running journey runs (see {@code
   *     Composition.erasureStopper})
   */
  public ProfilesHandler(
      WaymarkServices services, KeyRing signingKeys, ExecutionStopper runs, Telemetry telemetry) {
    this.routes =
        new ProfileRoutes(
            services.profiles(),
            services.records(),
            new EventCursors(
                new SignedTokens(signingKeys, services.clock()),
                EventCursors.DEFAULT_LIFETIME,
                services.clock()),
            services.accounts(),
            services.clock(),
            runs,
            new ConsentRecorder(services.profiles(), services.inbox(), services.clock()));
    this.deadLetters = new DeadLetterRoutes(services.deadLetters());
    this.messages =
        new MessageRoutes(
            services.messageHistory(),
            new EventCursors(
                new SignedTokens(signingKeys, services.clock()),
                EventCursors.DEFAULT_LIFETIME,
                services.clock(),
                "day"),
            services.clock());
    this.telemetry = telemetry;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return HttpHandlerSupport.handle(
        telemetry, context, LOG, event, route -> dispatch(route, event));
  }

  private APIGatewayV2HTTPResponse dispatch(String route, APIGatewayV2HTTPEvent event) {
    return switch (route) {
      case "GET /v1/profiles" -> routes.lookup(event);
      case "GET /v1/profiles/{id}" -> routes.get(event);
      case "GET /v1/profiles/{id}/events" -> routes.events(event);
      case "PUT /v1/profiles/{id}/consents" -> routes.consents(event);
      case "DELETE /v1/profiles/{id}" -> routes.erase(event);
      case "GET /v1/messages" -> messages.list(event);
      case "GET /v1/admin/dead-letters" -> deadLetters.list(event);
      case "GET /v1/admin/dead-letters/{id}" -> deadLetters.get(event);
      case "POST /v1/admin/dead-letters/{id}/replay" -> deadLetters.replay(event);
      default -> throw HttpHandlerSupport.noRoute(route);
    };
  }

  static APIGatewayV2HTTPResponse ok(Object body) {
    return HttpResponses.json(200, body);
  }
}
