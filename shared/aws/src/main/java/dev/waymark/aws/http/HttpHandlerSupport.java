package dev.waymark.aws.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.problem.Problem;
import dev.waymark.core.problem.ProblemException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;

/** Runs a route: problems become their 4xx answers; anything unexpected a 500 without details. */
public final class HttpHandlerSupport {
  private HttpHandlerSupport() {}

  /**
   * One invocation of an HTTP function: the route API Gateway matched is dispatched inside the
   * invocation's telemetry, and whatever it throws is answered as a problem (see {@link #respond}).
   */
  public static APIGatewayV2HTTPResponse handle(
      Telemetry telemetry,
      Context context,
      Logger log,
      APIGatewayV2HTTPEvent event,
      Function<String, APIGatewayV2HTTPResponse> dispatch) {
    String route = event.getRouteKey();
    return telemetry.invocation(
        context, () -> respond(log, route, () -> dispatch.apply(route == null ? "" : route)));
  }

  /** The answer to a route the function does not serve. */
  public static ProblemException noRoute(String route) {
    return new ProblemException(Problem.of(404, "Not found", "no route " + route));
  }

  public static APIGatewayV2HTTPResponse respond(
      Logger log, String route, Supplier<APIGatewayV2HTTPResponse> work) {
    try {
      return work.get();
    } catch (ProblemException e) {
      log.info("{} refused: {} {}", route, e.problem().status(), e.problem().title());
      return HttpResponses.problem(e.problem());
    } catch (RuntimeException e) {
      log.error("{} failed", route, e);
      return HttpResponses.problem(
          Problem.of(
              500, "Internal error", "the request could not be completed; it is safe to retry"));
    }
  }
}
