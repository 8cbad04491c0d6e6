package dev.waymark.functions.profiles;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.aws.http.HttpRequests;
import dev.waymark.aws.http.HttpResponses;
import dev.waymark.core.deadletter.DeadLetter;
import dev.waymark.core.deadletter.DeadLetters;
import dev.waymark.core.event.InboundEvent;
import dev.waymark.core.json.Json;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.core.store.Page;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The admin routes of dead letters (IAM): the list, one letter, and its replay. A letter shows the
 * event's messageId, type and name (never its payload), why it failed, and the profile its
 * identities point at today (where its timeline shows it). Pages hold what the profile timeline's
 * do (20 by default, {@code limit} up to 100).
 */
final class DeadLetterRoutes {
  private final DeadLetters deadLetters;

  DeadLetterRoutes(DeadLetters deadLetters) {
    this.deadLetters = deadLetters;
  }

  APIGatewayV2HTTPResponse list(APIGatewayV2HTTPEvent event) {
    Page<DeadLetter> page =
        deadLetters.list(
            ProfileRoutes.limit(event), HttpRequests.query(event, "cursor").orElse(null));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("deadLetters", page.items().stream().map(this::view).toList());
    body.put("nextCursor", page.nextCursor());
    return HttpResponses.json(200, body);
  }

  APIGatewayV2HTTPResponse get(APIGatewayV2HTTPEvent event) {
    return HttpResponses.json(200, view(deadLetters.get(messageId(event))));
  }

  APIGatewayV2HTTPResponse replay(APIGatewayV2HTTPEvent event) {
    return HttpResponses.json(202, view(deadLetters.replay(messageId(event))));
  }

  private ObjectNode view(DeadLetter letter) {
    ObjectNode out = Json.object();
    out.put("messageId", letter.messageId());
    out.put("status", letter.status().wireName());
    out.put("reason", letter.reason());
    out.put("attempts", letter.attempts());
    out.put("failedAt", letter.failedAt().toString());
    out.put("replays", letter.replays());
    out.put("resolvedAt", letter.resolvedAt().map(Object::toString).orElse(null));
    Optional<InboundEvent> stored = deadLetters.event(letter.messageId());
    out.put("stored", stored.isPresent());
    stored.ifPresent(
        e -> {
          out.put("type", e.type().wireName());
          out.put("name", e.name());
          out.put("timestamp", e.timestamp().toString());
          out.put("profileId", deadLetters.profileOf(e).orElse(null));
        });
    return out;
  }

  private static String messageId(APIGatewayV2HTTPEvent event) {
    String id = HttpRequests.pathParameter(event, "id");
    if (!DeadLetter.plausibleMessageId(id)) {
      throw ProblemException.invalidField(
          "id",
          "a messageId: 1 to " + DeadLetter.MAX_MESSAGE_ID + " characters, no control characters");
    }
    return id;
  }
}
