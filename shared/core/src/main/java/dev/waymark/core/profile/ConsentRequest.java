package dev.waymark.core.profile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.event.EventTimestamps;
import dev.waymark.core.problem.FieldError;
import dev.waymark.core.problem.Problem;
import dev.waymark.core.problem.ProblemException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The body of {@code PUT /v1/profiles/{id}/consents}, validated field by field. */
public final class ConsentRequest {
  public record Change(ConsentChannel channel, String topic, ConsentDecision decision) {}

  private ConsentRequest() {}

  public static List<Change> parse(JsonNode body, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    JsonNode consents = body == null ? null : body.get("consents");
    if (consents == null || !consents.isArray() || consents.isEmpty()) {
      throw ProblemException.invalidField("/consents", "a non-empty array of consents is required");
    }
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < consents.size(); i++) {
      parseOne(consents.get(i), "/consents/" + i, now, errors).ifPresent(changes::add);
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.invalid("invalid consents; nothing was changed", errors));
    }
    return changes;
  }

  private static Optional<Change> parseOne(
      JsonNode c, String at, Instant now, List<FieldError> errors) {
    int before = errors.size();
    Optional<ConsentChannel> channel = ConsentChannel.fromKey(c.path("channel").asText());
    if (channel.isEmpty()) {
      errors.add(new FieldError(at + "/channel", "must be one of email, sms, push"));
    }
    String status = c.path("status").asText();
    if (!status.equals("granted") && !status.equals("denied")) {
      errors.add(new FieldError(at + "/status", "must be granted or denied"));
    }
    String source = c.path("source").asText();
    if (!c.path("source").isTextual() || source.isBlank() || source.length() > 200) {
      errors.add(
          new FieldError(
              at + "/source", "a non-empty string of at most 200 characters is required"));
    }
    JsonNode topic = c.get("topic");
    if (topic != null
        && (!topic.isTextual() || topic.asText().isBlank() || topic.asText().length() > 100)) {
      errors.add(
          new FieldError(at + "/topic", "must be a non-empty string of at most 100 characters"));
    }
    Instant when = now;
    if (c.has("at")) {
      Optional<Instant> parsed = EventTimestamps.tryParse(c.path("at").asText());
      if (parsed.isEmpty() || parsed.get().isAfter(now)) {
        errors.add(
            new FieldError(
                at + "/at", "must be an ISO-8601 date-time with an offset, not in the future"));
      } else {
        when = parsed.get();
      }
    }
    if (errors.size() > before) {
      return Optional.empty();
    }
    ConsentDecision decision =
        new ConsentDecision(ConsentDecision.ConsentStatus.valueOf(status), source, when);
    return Optional.of(new Change(channel.get(), topic == null ? null : topic.asText(), decision));
  }
}
