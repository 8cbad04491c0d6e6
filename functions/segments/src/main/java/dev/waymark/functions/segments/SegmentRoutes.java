package dev.waymark.functions.segments;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.aws.http.HttpRequests;
import dev.waymark.aws.http.HttpResponses;
import dev.waymark.aws.segment.SegmentServices;
import dev.waymark.core.problem.Problem;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.segment.SegmentDefinition;
import dev.waymark.core.segment.SegmentDefinitionException;
import dev.waymark.core.segment.SegmentMembership;
import dev.waymark.core.segment.SegmentPreview;
import dev.waymark.core.segment.SegmentYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One method per segment route; each parses its request, calls the core, shapes the answer. */
record SegmentRoutes(SegmentServices segments) {
  static final int SAMPLE = 10;

  /** How many profiles a preview evaluates at most. */
  static final int PREVIEW_PROFILES = 10_000;

  APIGatewayV2HTTPResponse list() {
    List<Map<String, Object>> all = new ArrayList<>();
    for (SegmentDefinition d : segments.catalog().all()) {
      Map<String, Object> summary = summary(d);
      summary.put("size", segments.memberships().size(d.id()));
      all.add(summary);
    }
    return HttpResponses.json(200, Map.of("segments", all));
  }

  APIGatewayV2HTTPResponse get(APIGatewayV2HTTPEvent event) {
    String id = HttpRequests.pathParameter(event, "id");
    SegmentDefinition d =
        segments
            .catalog()
            .find(id)
            .orElseThrow(() -> ProblemException.notFound("no segment " + id));
    Map<String, Object> body = summary(d);
    body.put("rule", d.source());
    body.put("size", segments.memberships().size(id));
    body.put("sample", segments.memberships().members(id, SAMPLE, null).items());
    return HttpResponses.json(200, body);
  }

  /** How many days of sizes {@code GET /v1/segments/{id}/sizes} shows at most. */
  static final int MAX_SIZE_DAYS = 400;

  APIGatewayV2HTTPResponse sizes(APIGatewayV2HTTPEvent event) {
    String id = HttpRequests.pathParameter(event, "id");
    segments.catalog().find(id).orElseThrow(() -> ProblemException.notFound("no segment " + id));
    int days = days(HttpRequests.query(event, "days").orElse("30"));
    List<Map<String, Object>> sizes = new ArrayList<>();
    segments
        .memberships()
        .sizes(id, days)
        .forEach((day, size) -> sizes.add(Map.of("day", day.toString(), "size", size)));
    return HttpResponses.json(200, Map.of("segmentId", id, "sizes", sizes));
  }

  private static int days(String raw) {
    try {
      int days = Integer.parseInt(raw);
      if (days >= 1 && days <= MAX_SIZE_DAYS) {
        return days;
      }
    } catch (NumberFormatException e) {
      // falls through to the problem below
    }
    throw ProblemException.invalidField(
        "days", "must be a whole number from 1 to " + MAX_SIZE_DAYS);
  }

  APIGatewayV2HTTPResponse preview(APIGatewayV2HTTPEvent event) {
    JsonNode body = HttpRequests.jsonBodyNode(event);
    if (body instanceof ObjectNode object && !object.has("id")) {
      object.put("id", "draft");
    }
    SegmentDefinition draft;
    try {
      draft = SegmentYaml.parse(body, "draft");
      segments.catalog().with(draft);
    } catch (SegmentDefinitionException e) {
      throw new ProblemException(Problem.invalid("the draft segment is not valid", e.problems()));
    }
    SegmentPreview.Result result = segments.preview().run(draft, PREVIEW_PROFILES, SAMPLE);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("size", result.matched());
    answer.put("evaluated", result.evaluated());
    answer.put("complete", result.complete());
    answer.put("sample", result.sample());
    return HttpResponses.json(200, answer);
  }

  APIGatewayV2HTTPResponse profileSegments(APIGatewayV2HTTPEvent event) {
    String id = HttpRequests.pathParameter(event, "id");
    Profile profile =
        segments
            .profiles()
            .resolve(id)
            .orElseThrow(() -> ProblemException.notFound("no profile " + id));
    List<Map<String, Object>> memberships = new ArrayList<>();
    for (SegmentMembership m : segments.memberships().of(profile.id()).values()) {
      if (m.history().isEmpty()) {
        continue; // only a scheduled re-check, never in or out yet
      }
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("segmentId", m.segmentId());
      one.put("member", m.member());
      one.put("enteredAt", m.enteredAt());
      one.put("exitedAt", m.exitedAt());
      one.put(
          "history",
          m.history().stream()
              .map(
                  c ->
                      Map.of("change", c.entered() ? "entered" : "exited", "at", c.at().toString()))
              .toList());
      memberships.add(one);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("profileId", profile.id());
    body.put("segments", memberships);
    return HttpResponses.json(200, body);
  }

  private static Map<String, Object> summary(SegmentDefinition d) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("id", d.id());
    summary.put("name", d.name());
    summary.put("description", d.description());
    return summary;
  }
}
