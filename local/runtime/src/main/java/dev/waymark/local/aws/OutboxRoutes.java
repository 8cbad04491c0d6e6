package dev.waymark.local.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waymark.core.json.Json;
import dev.waymark.core.json.StrictJson;
import dev.waymark.core.problem.FieldError;
import dev.waymark.core.problem.Problem;
import dev.waymark.core.problem.ProblemException;
import dev.waymark.local.http.LocalHttpRequest;
import dev.waymark.local.http.LocalResponse;
import dev.waymark.local.http.LocalRoutes;
import dev.waymark.local.http.PercentDecoding;
import java.util.List;
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
      return Optional.of(
          engage(PercentDecoding.decode(parts[3], false, "id"), parts[4], request.body()));
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
    String link = body == null || body.isBlank() ? null : link(StrictJson.parse(body, "/", 8192));
    Optional<Outbox.Message> message = outbox.find(id);
    if (message.isEmpty()) {
      return LocalResponse.problem(
          new Problem(
              "https://waymark.dev/problems/not-found",
              "Not found",
              404,
              "id: no such message in the outbox",
              List.of(new FieldError("id", "no such message in the outbox"))));
    }
    feedback.report(message.get(), action.equals("open") ? "Open" : "Click", link);
    return LocalResponse.json(202, "{\"reported\":\"" + action + "\"}");
  }

  private static String link(JsonNode body) {
    JsonNode link = body.get("link");
    if (!body.isObject() || (link != null && !link.isTextual())) {
      throw ProblemException.invalidField("/link", "the body is {\"link\": \"<url>\"} or empty");
    }
    return link == null ? null : link.asText();
  }
}
