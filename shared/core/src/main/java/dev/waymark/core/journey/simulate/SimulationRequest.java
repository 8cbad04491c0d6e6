package dev.waymark.core.journey.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.identity.Identifiers;
import dev.waymark.core.problem.FieldError;
import dev.waymark.core.problem.Problem;
import dev.waymark.core.problem.ProblemException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to simulate: the draft or a published {@code version}, on whom (the members of {@code
 * segment}, the profiles listed in {@code people}, or else any {@code limit} profiles), over which
 * stretch of their recorded timelines ({@code from}, {@code until}), and whose decision trace to
 * show ({@code person}). At most {@link #MAX_PEOPLE} people; every bad field is named in one 400
 * problem.
 */
public record SimulationRequest(
    Optional<String> version,
    Optional<String> segment,
    List<String> people,
    int limit,
    Optional<Instant> from,
    Optional<Instant> until,
    Optional<String> person) {
  /** The most people one simulation replays. */
  public static final int MAX_PEOPLE = 5_000;

  /** How many people a simulation replays when neither a limit nor a list is given. */
  public static final int DEFAULT_LIMIT = 1_000;

  private static final Pattern VERSION = Pattern.compile("draft|[1-9][0-9]{0,8}");
  private static final Pattern SEGMENT = Pattern.compile("[a-z0-9-]{1,64}");
  private static final Set<String> FIELDS =
      Set.of("version", "segment", "people", "limit", "from", "until");

  public SimulationRequest {
    people = List.copyOf(people);
  }

  /** Whether the draft (not a published version) is simulated. */
  public boolean draft() {
    return version.isEmpty() || version.get().equals("draft");
  }

  /**
   * Reads the body ({@code {}}: the draft, on up to {@link #DEFAULT_LIMIT} people; null reads as
   * {@code {}}) and the {@code person} query parameter.
   */
  public static SimulationRequest parse(JsonNode body, String person) {
    List<FieldError> errors = new ArrayList<>();
    JsonNode b = body == null || body.isNull() || body.isMissingNode() ? null : body;
    if (b != null && !b.isObject()) {
      throw new ProblemException(
          Problem.invalid(
              "the body must be a JSON object",
              List.of(new FieldError("/", "expected an object"))));
    }
    if (b != null) {
      b.fieldNames()
          .forEachRemaining(
              f -> {
                if (!FIELDS.contains(f)) {
                  errors.add(new FieldError("/" + f, "unknown field; expected one of " + FIELDS));
                }
              });
    }
    Optional<String> version =
        text(b, "version", VERSION, "draft or a published version number", errors);
    Optional<String> segment =
        text(b, "segment", SEGMENT, "a segment id ([a-z0-9-], 1-64)", errors);
    List<String> people = people(b, errors);
    if (segment.isPresent() && !people.isEmpty()) {
      errors.add(new FieldError("/people", "give either segment or people, not both"));
    }
    int limit = limit(b, errors);
    Optional<Instant> from = instant(b, "from", errors);
    Optional<Instant> until = instant(b, "until", errors);
    if (from.isPresent() && until.isPresent() && !until.get().isAfter(from.get())) {
      errors.add(new FieldError("/until", "must be after from"));
    }
    if (person != null && Identifiers.problem(person, Identifiers.MAX_ID_CHARS).isPresent()) {
      errors.add(
          new FieldError(
              "person", Identifiers.problem(person, Identifiers.MAX_ID_CHARS).orElseThrow()));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.invalid("the simulation request is invalid", errors));
    }
    return new SimulationRequest(
        version, segment, people, limit, from, until, Optional.ofNullable(person));
  }

  private static Optional<String> text(
      JsonNode b, String field, Pattern shape, String expected, List<FieldError> errors) {
    JsonNode v = b == null ? null : b.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual() || !shape.matcher(v.asText()).matches()) {
      errors.add(new FieldError("/" + field, "expected " + expected));
      return Optional.empty();
    }
    return Optional.of(v.asText());
  }

  private static List<String> people(JsonNode b, List<FieldError> errors) {
    JsonNode v = b == null ? null : b.get("people");
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray() || v.isEmpty() || v.size() > MAX_PEOPLE) {
      errors.add(new FieldError("/people", "expected 1 to " + MAX_PEOPLE + " profile ids"));
      return List.of();
    }
    Set<String> ids = new LinkedHashSet<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode id = v.get(i);
      Optional<String> problem =
          id.isTextual()
              ? Identifiers.problem(id.asText(), Identifiers.MAX_ID_CHARS)
              : Optional.of("expected a profile id (text)");
      if (problem.isPresent()) {
        errors.add(new FieldError("/people/" + i, problem.get()));
      } else {
        ids.add(id.asText());
      }
    }
    return List.copyOf(ids);
  }

  private static int limit(JsonNode b, List<FieldError> errors) {
    JsonNode v = b == null ? null : b.get("limit");
    if (v == null || v.isNull()) {
      return DEFAULT_LIMIT;
    }
    if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1 || v.asInt() > MAX_PEOPLE) {
      errors.add(new FieldError("/limit", "expected a whole number from 1 to " + MAX_PEOPLE));
      return DEFAULT_LIMIT;
    }
    return v.asInt();
  }

  private static Optional<Instant> instant(JsonNode b, String field, List<FieldError> errors) {
    JsonNode v = b == null ? null : b.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    try {
      if (v.isTextual()) {
        return Optional.of(Instant.parse(v.asText()));
      }
    } catch (DateTimeParseException e) {
      // named below
    }
    errors.add(new FieldError("/" + field, "expected an instant such as 2026-01-31T09:00:00Z"));
    return Optional.empty();
  }
}
