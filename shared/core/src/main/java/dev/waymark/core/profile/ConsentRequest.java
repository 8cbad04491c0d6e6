package dev.waymark.core.profile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.event.EventTimestamps;
import dev.waymark.core.identity.Identifiers;
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

  /** The most consents one request may carry. */
  public static final int MAX_PER_REQUEST = 50;

  /**
   * The most decisions (channel-wide and per topic) one profile may hold; a request that would add
   * a granted decision beyond it is refused. Denials are always recorded, so an unsubscribe works.
   */
  public static final int MAX_PER_PROFILE = 200;

  private ConsentRequest() {}

  public static List<Change> parse(JsonNode body, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    JsonNode consents = body == null ? null : body.get("consents");
    if (consents == null || !consents.isArray() || consents.isEmpty()) {
      throw ProblemException.invalidField("/consents", "a non-empty array of consents is required");
    }
    if (consents.size() > MAX_PER_REQUEST) {
      throw ProblemException.invalidField(
          "/consents",
          "at most "
              + MAX_PER_REQUEST
              + " consents per request; this one has "
              + consents.size()
              + ": send them in several requests");
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

  /**
   * Refuses (400 naming {@code /consents}) a change that takes a profile past {@link
   * #MAX_PER_PROFILE} decisions with a new granted decision.
   */
  static void checkRoom(Consents before, Consents after) {
    if (after.decisions().size() <= MAX_PER_PROFILE) {
      return;
    }
    boolean grantsNew =
        after.decisions().entrySet().stream()
            .anyMatch(
                e ->
                    !before.decisions().containsKey(e.getKey())
                        && e.getValue().status() == ConsentDecision.ConsentStatus.granted);
    if (grantsNew) {
      throw ProblemException.invalidField(
          "/consents",
          "a profile may hold at most "
              + MAX_PER_PROFILE
              + " consent decisions (channels and topics); this change would make "
              + after.decisions().size());
    }
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
    if (!c.path("source").isTextual()) {
      errors.add(
          new FieldError(
              at + "/source", "a non-empty string of at most 200 characters is required"));
    } else {
      Identifiers.problem(source, 200)
          .ifPresent(m -> errors.add(new FieldError(at + "/source", m)));
    }
    JsonNode topic = c.get("topic");
    if (topic != null && !topic.isTextual()) {
      errors.add(
          new FieldError(at + "/topic", "must be a non-empty string of at most 100 characters"));
    } else if (topic != null) {
      Identifiers.problem(topic.asText(), 100)
          .ifPresent(m -> errors.add(new FieldError(at + "/topic", m)));
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
