package dev.waymark.local.http;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.waymark.core.problem.FieldError;
import dev.waymark.core.problem.Problem;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.local.functions.LocalLambdaContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real HTTP server that serves the routes of template.yaml the way API Gateway's HTTP API does:
 * it builds the payload-2.0 event, runs the route's Lambda authorizer (simple responses), invokes
 * the route's handler, and writes its response. Refused authorizations get API Gateway's own
 * answers (401/403 from the authorizer); unknown paths and methods are 404/405 problems. Local
 * routes ({@code /_local/...}) are served beside them.
 */
public final class HttpApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApiServer.class);
  private final JettyListener server;
  private final List<ApiRoute> routes;
  private final Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>>
      handlers;
  private final Map<String, RequestHandler<APIGatewayV2CustomAuthorizerEvent, Map<String, Object>>>
      authorizers;
  private final LocalRoutes localRoutes;

  public HttpApiServer(
      String host,
      int port,
      List<ApiRoute> routes,
      Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers,
      Map<String, RequestHandler<APIGatewayV2CustomAuthorizerEvent, Map<String, Object>>>
          authorizers,
      LocalRoutes localRoutes)
      throws java.io.IOException {
    this.routes = routes;
    this.handlers = handlers;
    this.authorizers = authorizers;
    this.localRoutes = localRoutes;
    this.server = new JettyListener(host, port, this::serve);
  }

  /** Fails unless every route of the template has its handler (and authorizer) registered. */
  public void verifyRoutes() {
    routes.forEach(this::requireRegistered);
  }

  private void requireRegistered(ApiRoute route) {
    if (!handlers.containsKey(route.handler())) {
      throw new IllegalStateException(
          "template.yaml routes "
              + route.routeKey()
              + " to "
              + route.handler()
              + ", which the local runtime does not know");
    }
    if (route.authorizerHandler() != null && !authorizers.containsKey(route.authorizerHandler())) {
      throw new IllegalStateException("unknown authorizer " + route.authorizerHandler());
    }
  }

  public int port() {
    return server.port();
  }

  private LocalResponse serve(LocalHttpRequest request) {
    try {
      request.queryParameters(); // bad percent-encoding in the query is refused on every route
      Optional<LocalResponse> local = localRoutes.handle(request);
      return local.isPresent() ? local.get() : invoke(request);
    } catch (ProblemException e) {
      return LocalResponse.problem(e.problem());
    } catch (RuntimeException e) {
      LOG.error("{} {} failed", request.method(), request.path(), e);
      return LocalResponse.problem(
          Problem.of(500, "Internal error", "the request could not be completed"));
    }
  }

  /**
   * The route's answer; a path no route has is a 404 problem, a path served only for other methods
   * a 405 problem with {@code Allow}. (Deployed, API Gateway answers both with its own 404.)
   */
  private LocalResponse invoke(LocalHttpRequest request) {
    for (ApiRoute route : routes) {
      Optional<Map<String, String>> parameters = route.match(request.method(), request.path());
      if (parameters.isPresent()) {
        return invoke(route, request, parameters.get());
      }
    }
    List<String> allowed =
        routes.stream()
            .filter(r -> r.matchesPath(request.path()))
            .map(ApiRoute::method)
            .distinct()
            .toList();
    if (!allowed.isEmpty()) {
      return LocalResponse.methodNotAllowed(allowed);
    }
    return LocalResponse.problem(
        new Problem(
            "https://waymark.dev/problems/not-found",
            "Not found",
            404,
            "path: no route of the API has this path",
            List.of(new FieldError("path", "no route of the API has this path"))));
  }

  private LocalResponse invoke(
      ApiRoute route, LocalHttpRequest request, Map<String, String> parameters) {
    APIGatewayV2HTTPEvent event = request.toApiGatewayEvent(route, parameters);
    if (route.authorizerHandler() != null) {
      Optional<LocalResponse> refused = authorize(route, request, event);
      if (refused.isPresent()) {
        return refused.get();
      }
    }
    APIGatewayV2HTTPResponse response =
        handlers
            .get(route.handler())
            .handleRequest(event, LocalLambdaContext.of(simpleName(route.handler())));
    return new LocalResponse(
        response.getStatusCode(),
        response.getHeaders() == null ? Map.of() : response.getHeaders(),
        response.getBody() == null ? "" : response.getBody());
  }

  /**
   * As API Gateway: an identity header missing → 401; authorizer says no → 403; yes → its context
   * flows on.
   */
  @SuppressWarnings("unchecked")
  private Optional<LocalResponse> authorize(
      ApiRoute route, LocalHttpRequest request, APIGatewayV2HTTPEvent event) {
    for (String header : route.identityHeaders()) {
      if (request.header(header).filter(v -> !v.isBlank()).isEmpty()) {
        return Optional.of(LocalResponse.json(401, "{\"message\":\"Unauthorized\"}"));
      }
    }
    List<String> identity =
        route.identityHeaders().stream().map(h -> request.header(h).orElseThrow()).toList();
    APIGatewayV2CustomAuthorizerEvent authEvent = request.toAuthorizerEvent(route, identity);
    Map<String, Object> decision =
        authorizers
            .get(route.authorizerHandler())
            .handleRequest(authEvent, LocalLambdaContext.of(simpleName(route.authorizerHandler())));
    if (!Boolean.TRUE.equals(decision.get("isAuthorized"))) {
      return Optional.of(LocalResponse.json(403, "{\"message\":\"Forbidden\"}"));
    }
    APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer =
        new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
    authorizer.setLambda((Map<String, Object>) decision.getOrDefault("context", Map.of()));
    event.getRequestContext().setAuthorizer(authorizer);
    return Optional.empty();
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  @Override
  public void close() {
    server.close();
  }
}
