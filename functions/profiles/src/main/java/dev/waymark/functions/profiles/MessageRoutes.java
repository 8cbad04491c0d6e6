package dev.waymark.functions.profiles;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.aws.http.HttpRequests;
import dev.waymark.core.json.Json;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.profile.EventCursors;
import dev.waymark.core.send.MessageHistory;
import dev.waymark.core.store.Page;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /v1/messages?day=&limit=&cursor=}: the message log across people, one UTC day at a
 * time, newest first, with each message's delivery, open and click status.
 */
final class MessageRoutes {
  private final MessageHistory history;
  private final EventCursors cursors;
  private final Clock clock;

  MessageRoutes(MessageHistory history, EventCursors cursors, Clock clock) {
    this.history = history;
    this.cursors = cursors;
    this.clock = clock;
  }

  APIGatewayV2HTTPResponse list(APIGatewayV2HTTPEvent event) {
    LocalDate day = day(event);
    int limit = ProfileRoutes.limit(event);
    String scope = "messages " + day;
    String position = cursors.open(scope, HttpRequests.query(event, "cursor").orElse(null));
    Page<MessageHistory.Entry> page = history.day(day, limit, position);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("day", day.toString());
    body.put("messages", page.items().stream().map(MessageRoutes::view).toList());
    body.put("nextCursor", cursors.issue(scope, page.nextCursor()));
    return ProfilesHandler.ok(body);
  }

  /** An entry as the API shows it: absent fields left out, the time as ISO-8601. */
  private static ObjectNode view(MessageHistory.Entry e) {
    ObjectNode node = Json.object().put("profileId", e.profileId()).put("at", e.at().toString());
    putIfPresent(node, "journeyId", e.journeyId());
    putIfPresent(node, "runId", e.runId());
    putIfPresent(node, "stepId", e.stepId());
    putIfPresent(node, "template", e.template());
    putIfPresent(node, "channel", e.channel());
    putIfPresent(node, "status", e.status());
    putIfPresent(node, "reason", e.reason());
    putIfPresent(node, "deliveryStatus", e.deliveryStatus());
    e.feedback().forEach(node.putArray("feedback")::add);
    return node;
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  private LocalDate day(APIGatewayV2HTTPEvent event) {
    String raw = HttpRequests.query(event, "day").orElse(null);
    if (raw == null) {
      return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
    try {
      if (raw.length() == 10) {
        return LocalDate.parse(raw);
      }
    } catch (DateTimeParseException e) {
      // falls through to the problem below
    }
    throw ProblemException.invalidField("day", "must be a date, yyyy-mm-dd (a UTC day)");
  }
}
