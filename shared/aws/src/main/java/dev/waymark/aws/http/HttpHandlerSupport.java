package dev.waymark.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.waymark.core.problem.Problem;
import dev.waymark.core.problem.ProblemException;
import java.util.function.Supplier;
import org.slf4j.Logger;

/** Runs a route: problems become their 4xx answers; anything unexpected a 500 without details. */
public final class HttpHandlerSupport {
  private HttpHandlerSupport() {}

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
