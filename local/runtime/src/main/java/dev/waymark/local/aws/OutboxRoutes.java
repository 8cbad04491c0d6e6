package dev.waymark.local.aws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.json.Json;
import dev.waymark.local.http.LocalHttpRequest;
import dev.waymark.local.http.LocalResponse;
import dev.waymark.local.http.LocalRoutes;
import java.util.Optional;

/**
 * {@code GET /_local/outbox}: every message sent, oldest first (channel, recipient, subject,
 * rendered body, journey, run, step, time). {@code POST /_local/outbox/{id}/open} and {@code
 * .../click} (body {@code {"link":"..."}}) make the recipient open or click an email, which comes
 * back as SES feedback.
 */
public record OutboxRoutes(Outbox outbox, EmailFeedback feedback) implements LocalRoutes {

  @Override
  public Optional<LocalResponse> handle(LocalHttpRequest request) {
    if (request.path().equals("/_local/outbox") && request.method().equals("GET")) {
      return Optional.of(LocalResponse.json(200, Json.write(list())));
    }
    String[] parts = request.path().split("/");
    if (parts.length == 5
        && request.path().startsWith("/_local/outbox/")
        && request.method().equals("POST")
        && (parts[4].equals("open") || parts[4].equals("click"))) {
      return Optional.of(engage(parts[3], parts[4], request.body()));
    }
    return Optional.empty();
  }

  private ObjectNode list() {
    ObjectNode body = Json.object();
    ArrayNode messages = body.putArray("messages");
    for (Outbox.Message m : outbox.messages()) {
      ObjectNode item =
          messages
              .addObject()
              .put("id", m.id())
              .put("channel", m.channel())
              .put("recipient", m.recipient())
              .put("subject", m.subject())
              .put("body", m.body())
              .put("html", m.html())
              .put("journey", m.journey())
              .put("run", m.run())
              .put("step", m.step())
              .put("at", m.at().toString());
      item.set("headers", Json.MAPPER.valueToTree(m.headers()));
    }
    return body;
  }

  private LocalResponse engage(String id, String action, String body) {
    Optional<Outbox.Message> message = outbox.find(id);
    if (message.isEmpty()) {
      return LocalResponse.json(
          404,
          "{\"title\":\"Not found\",\"status\":404,\"detail\":\"no message "
              + id
              + " in the outbox\"}");
    }
    String link =
        body == null || body.isBlank() ? null : Json.parse(body).path("link").asText(null);
    feedback.report(message.get(), action.equals("open") ? "Open" : "Click", link);
    return LocalResponse.json(202, "{\"reported\":\"" + action + "\"}");
  }
}
