package dev.waymark.functions.journeys;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.aws.http.HttpRequests;
import dev.waymark.aws.http.HttpResponses;
import dev.waymark.core.journey.publish.ApiEntries;
import dev.waymark.core.journey.publish.JourneyPublisher;
import dev.waymark.core.journey.publish.JourneyRecord;
import dev.waymark.core.journey.publish.JourneyVersion;
import dev.waymark.core.json.Json;
import java.util.Optional;
import java.util.Set;

/**
 * The journey admin routes (docs/api.md#journeys-as-data): list, draft ({@code PUT}), publish,
 * pause, resume, stop, archive ({@code DELETE}), one journey with its versions and ASL, one
 * version, and entries for journeys whose entry is api. IAM-authorized like the other admin routes.
 */
record JourneyAdminRoutes(JourneyPublisher publisher, ApiEntries entries) {
  static final Set<String> ROUTES =
      Set.of(
          "GET /v1/journeys",
          "PUT /v1/journeys/{id}",
          "GET /v1/journeys/{id}",
          "DELETE /v1/journeys/{id}",
          "POST /v1/journeys/{id}/publish",
          "POST /v1/journeys/{id}/pause",
          "POST /v1/journeys/{id}/resume",
          "POST /v1/journeys/{id}/stop",
          "GET /v1/journeys/{id}/versions/{v}",
          "POST /v1/journeys/{id}/entries");

  static boolean serves(String route) {
    return ROUTES.contains(route);
  }

  APIGatewayV2HTTPResponse dispatch(String route, APIGatewayV2HTTPEvent event) {
    if (route.equals("GET /v1/journeys")) {
      return HttpResponses.json(200, list(HttpRequests.flag(event, "all")));
    }
    String id = JourneyPublisher.checkId(HttpRequests.pathParameter(event, "id"));
    return switch (route) {
      case "PUT /v1/journeys/{id}" -> draft(id, event);
      case "GET /v1/journeys/{id}" -> ok(publisher.get(id));
      case "DELETE /v1/journeys/{id}" -> stopped(publisher.archive(id));
      case "POST /v1/journeys/{id}/publish" -> published(publisher.publish(id));
      case "POST /v1/journeys/{id}/pause" -> ok(publisher.pause(id));
      case "POST /v1/journeys/{id}/resume" -> ok(publisher.resume(id));
      case "POST /v1/journeys/{id}/stop" -> stopped(publisher.stop(id));
      case "GET /v1/journeys/{id}/versions/{v}" ->
          HttpResponses.json(
              200, version(publisher.version(id, HttpRequests.pathParameter(event, "v")), true));
      case "POST /v1/journeys/{id}/entries" -> {
        ApiEntries.Requested requested = entries.request(id, HttpRequests.jsonBodyNode(event));
        yield HttpResponses.json(202, requested);
      }
      default -> throw new IllegalArgumentException(route);
    };
  }

  /** Saves the draft, or with {@code ?validateOnly=true} only checks it (saving nothing). */
  private APIGatewayV2HTTPResponse draft(String id, APIGatewayV2HTTPEvent event) {
    if (HttpRequests.flag(event, "validateOnly")) {
      publisher.checkDraft(id, HttpRequests.jsonBodyNode(event));
      return HttpResponses.json(200, Json.object().put("id", id).put("valid", true));
    }
    return ok(publisher.saveDraft(id, HttpRequests.jsonBodyNode(event)));
  }

  private ObjectNode list(boolean all) {
    ObjectNode body = Json.object();
    ArrayNode list = body.putArray("journeys");
    for (JourneyRecord journey : publisher.list(all)) {
      ObjectNode summary =
          list.addObject()
              .put("id", journey.id())
              .put("state", journey.state().name())
              .put("name", journey.draft() == null ? null : journey.draft().path("name").asText())
              .put("liveVersion", journey.liveVersion());
      summary.put("updatedAt", journey.updatedAt().toString());
    }
    return body;
  }

  private APIGatewayV2HTTPResponse ok(JourneyRecord journey) {
    return HttpResponses.json(200, view(journey));
  }

  /**
   * {@code {id, state, draft, live:{version, publishedAt, ...}, versions:[{version, publishedAt}],
   * asl}}: asl is the live version's, parsed. The webhook secret is never shown.
   */
  ObjectNode view(JourneyRecord journey) {
    ObjectNode body = Json.object().put("id", journey.id()).put("state", journey.state().name());
    body.set("draft", journey.draft());
    Optional<JourneyVersion> live = publisher.live(journey);
    body.set("live", live.map(v -> version(v, false)).orElse(null));
    body.put("stateMachineArn", journey.stateMachineArn());
    body.put("aliasArn", journey.aliasArn());
    ArrayNode versions = body.putArray("versions");
    for (JourneyVersion v : publisher.versions(journey.id())) {
      versions
          .addObject()
          .put("version", v.version())
          .put("publishedAt", v.publishedAt().toString());
    }
    body.set("asl", live.map(v -> Json.parse(v.asl())).orElse(null));
    body.put("updatedAt", journey.updatedAt().toString());
    return body;
  }

  /** A version: number, when, its state machine version and pinned templates (and its document). */
  private static ObjectNode version(JourneyVersion v, boolean full) {
    ObjectNode body =
        Json.object()
            .put("journeyId", v.journeyId())
            .put("version", v.version())
            .put("publishedAt", v.publishedAt().toString())
            .put("stateMachineVersionArn", v.stateMachineVersionArn());
    body.set("templateVersions", Json.MAPPER.valueToTree(v.templateVersions()));
    if (full) {
      body.set("document", v.document());
      body.set("asl", Json.parse(v.asl()));
    }
    return body;
  }

  private APIGatewayV2HTTPResponse published(JourneyPublisher.Published published) {
    JourneyRecord journey = publisher.get(published.version().journeyId());
    ObjectNode body = view(journey);
    body.set("version", version(published.version(), false));
    body.put("created", published.created());
    published.webhookSecret().ifPresent(secret -> body.put("webhookSecret", secret));
    return HttpResponses.json(200, body);
  }

  private APIGatewayV2HTTPResponse stopped(JourneyPublisher.Stopped stopped) {
    ObjectNode body = view(stopped.journey());
    body.put("runsStopped", stopped.runsStopped());
    return HttpResponses.json(200, body);
  }
}
