package dev.waymark.functions.journeys;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.aws.http.HttpRequests;
import dev.waymark.core.journey.publish.JourneyPublisher;
import dev.waymark.core.json.Json;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.promo.CodePoolImport;
import dev.waymark.core.promo.CodePools;
import java.util.List;

/**
 * A journey's promo code pools (docs/api.md#promo-code-pools): {@code POST
 * /v1/journeys/{id}/code-pools/{pool}/codes} imports a list, {@code GET
 * /v1/journeys/{id}/code-pools} and {@code GET /v1/journeys/{id}/code-pools/{pool}} answer the
 * counts. The journey must exist (a draft is enough). IAM-authorized like the other admin routes.
 */
record CodePoolRoutes(JourneyPublisher publisher, CodePools pools) {
  static final List<String> ROUTES =
      List.of(
          "POST /v1/journeys/{id}/code-pools/{pool}/codes",
          "GET /v1/journeys/{id}/code-pools",
          "GET /v1/journeys/{id}/code-pools/{pool}");

  ObjectNode dispatch(String route, APIGatewayV2HTTPEvent event) {
    String id = publisher.get(HttpRequests.pathParameter(event, "id")).id();
    if (route.equals("GET /v1/journeys/{id}/code-pools")) {
      ObjectNode body = Json.object().put("journeyId", id);
      body.set("pools", list(pools.pools(id)));
      return body;
    }
    if (route.equals("GET /v1/journeys/{id}/code-pools/{pool}")) {
      String pool = CodePoolImport.checkPool(HttpRequests.pathParameter(event, "pool"));
      CodePools.PoolCounts counts =
          pools
              .counts(id, pool)
              .orElseThrow(
                  () -> ProblemException.notFound("journey " + id + " has no code pool " + pool));
      return view(counts).put("journeyId", id);
    }
    var body = HttpRequests.jsonBodyNode(event);
    CodePools.Added added =
        new CodePoolImport(pools).importCodes(id, HttpRequests.pathParameter(event, "pool"), body);
    return view(added.counts())
        .put("journeyId", id)
        .put("added", added.added())
        .put("alreadyInPool", added.alreadyInPool());
  }

  static ArrayNode list(List<CodePools.PoolCounts> counts) {
    ArrayNode list = Json.MAPPER.createArrayNode();
    counts.forEach(c -> list.add(view(c)));
    return list;
  }

  private static ObjectNode view(CodePools.PoolCounts counts) {
    return Json.object()
        .put("pool", counts.pool())
        .put("imported", counts.imported())
        .put("given", counts.given())
        .put("remaining", counts.remaining());
  }
}
