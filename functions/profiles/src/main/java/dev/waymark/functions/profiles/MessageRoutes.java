package dev.waymark.functions.profiles;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.waymark.aws.http.HttpRequests;
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
    body.put("messages", page.items().stream().map(MessageHistory.Entry::view).toList());
    body.put("nextCursor", cursors.issue(scope, page.nextCursor()));
    return ProfilesHandler.ok(body);
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
