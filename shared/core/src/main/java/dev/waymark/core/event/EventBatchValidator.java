package dev.waymark.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.waymark.core.json.Json;
import dev.waymark.core.json.StrictJson;
import dev.waymark.core.problem.FieldError;
import dev.waymark.core.problem.Problem;
import dev.waymark.core.problem.ProblemException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Validates a {@code POST /v1/events} body against the published JSON Schema ({@code
 * schemas/event-batch.schema.json}) and the rules a schema cannot say. A batch is accepted whole or
 * refused whole: any invalid event refuses the batch, and nothing is written.
 */
public final class EventBatchValidator {
  public static final int MAX_BATCH_BYTES = 500 * 1024;
  public static final int MAX_EVENT_BYTES = 32 * 1024;
  static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  static final Duration MAX_FUTURE_SKEW = Duration.ofDays(1);

  private final JsonSchema schema;

  public EventBatchValidator() {
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .build();
    try (InputStream in = getClass().getResourceAsStream("/schemas/event-batch.schema.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("event schema missing from the class path", e);
    }
  }

  /** Parses and validates a batch; throws {@link ProblemException} naming every bad field. */
  public List<InboundEvent> validate(String body, Instant receivedAt) {
    return validate(read(body), receivedAt, receivedAt);
  }

  /** The body as JSON, refused with 413 when too large and 400 when not JSON. */
  public JsonNode read(String body) {
    if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BATCH_BYTES) {
      throw new ProblemException(
          Problem.of(
              413, "Payload too large", "a batch may be at most " + MAX_BATCH_BYTES + " bytes"));
    }
    return parse(body);
  }

  /**
   * Validates a parsed batch received at {@code receivedAt}; event times may lie up to one day
   * after {@code latestNow} (the receive time, or locally the later of it and the wall clock).
   */
  public List<InboundEvent> validate(JsonNode root, Instant receivedAt, Instant latestNow) {
    List<FieldError> errors = schemaErrors(root);
    if (errors.isEmpty()) {
      errors = ruleErrors(root, latestNow);
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          Problem.invalid(errors.size() + " problem(s) in the batch; nothing was stored", errors));
    }
    List<InboundEvent> events = new ArrayList<>();
    root.get("batch").forEach(e -> events.add(new InboundEvent((ObjectNode) e, receivedAt)));
    return events;
  }

  private static JsonNode parse(String body) {
    return StrictJson.parse(body, "", MAX_BATCH_BYTES);
  }

  private List<FieldError> schemaErrors(JsonNode root) {
    List<FieldError> errors = new ArrayList<>();
    for (ValidationMessage message : schema.validate(root)) {
      errors.add(toFieldError(message));
    }
    errors.sort(Comparator.comparing(FieldError::field));
    return errors;
  }

  private static FieldError toFieldError(ValidationMessage message) {
    String location = message.getInstanceLocation().toString();
    String field =
        "required".equals(message.getType()) && message.getProperty() != null
            ? location + "/" + message.getProperty()
            : location;
    String text = message.getMessage();
    int colon = text.indexOf(": ");
    return new FieldError(
        field, colon >= 0 && text.startsWith(location) ? text.substring(colon + 2) : text);
  }

  private static List<FieldError> ruleErrors(JsonNode root, Instant receivedAt) {
    List<FieldError> errors = new ArrayList<>();
    JsonNode batch = root.get("batch");
    for (int i = 0; i < batch.size(); i++) {
      String at = "/batch/" + i;
      JsonNode event = batch.get(i);
      if (Json.write(event).getBytes(StandardCharsets.UTF_8).length > MAX_EVENT_BYTES) {
        errors.add(new FieldError(at, "an event may be at most " + MAX_EVENT_BYTES + " bytes"));
      }
      if (!event.has("userId") && !event.has("anonymousId") && !event.has("identities")) {
        errors.add(
            new FieldError(
                at + "/userId", "an event needs a userId, an anonymousId or identities"));
      }
      EventContentRules.check(event, at, errors);
      timestampError(event.get("timestamp"), receivedAt)
          .ifPresent(m -> errors.add(new FieldError(at + "/timestamp", m)));
    }
    return errors;
  }

  private static Optional<String> timestampError(JsonNode timestamp, Instant receivedAt) {
    if (timestamp == null) {
      return Optional.empty();
    }
    Optional<Instant> parsed = EventTimestamps.tryParse(timestamp.asText());
    if (parsed.isEmpty()) {
      return Optional.of("not an ISO-8601 date-time with an offset, e.g. 2026-11-24T09:30:00Z");
    }
    if (parsed.get().isBefore(EARLIEST) || parsed.get().isAfter(receivedAt.plus(MAX_FUTURE_SKEW))) {
      return Optional.of("must lie between " + EARLIEST + " and one day after now");
    }
    return Optional.empty();
  }
}
